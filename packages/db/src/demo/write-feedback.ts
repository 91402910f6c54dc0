import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { groupId, ORGANIZATION } from './content.ts';
import { dimensionId } from './dimensions.ts';
import { FEEDBACK } from './feedback.ts';
import type { StakeholderContent } from './people.ts';
import { type Clock, memberId } from './write-model.ts';

const HOUR = 60 * 60 * 1000;

/** Unsolicited feedback and staff replies. Senders are picked by rule from the stakeholders, never at random. */
export async function writeFeedback(db: Kysely<Database>, clock: Clock, stakeholders: readonly StakeholderContent[]) {
  const used = new Set<string>();
  const senderOf = (item: (typeof FEEDBACK)[number]): string | null => {
    if (item.from === null) return null;
    const { where = {}, signIn = false } = item.from;
    const sender = stakeholders.find(
      (s) =>
        s.group === item.group &&
        s.signIn === signIn &&
        !used.has(s.id) &&
        Object.entries(where).every(([k, v]) => s.segments[k] === v),
    );
    if (!sender) throw new Error(`No ${item.group} stakeholder to send feedback ${JSON.stringify(where)}`);
    used.add(sender.id);
    return sender.id;
  };

  let replyCount = 0;
  for (const [n, item] of FEEDBACK.entries()) {
    const id = `demo-feedback-${String(n + 1).padStart(2, '0')}`;
    const createdAt = clock.daysAgo(item.daysAgo);
    const replies = item.replies.map((r) => {
      replyCount += 1;
      return {
        id: `demo-feedback-reply-${String(replyCount).padStart(2, '0')}`,
        organization_id: ORGANIZATION.id,
        feedback_id: id,
        author_kind: 'staff',
        author_member_id: memberId(r.staff),
        body: r.body,
        created_at: new Date(Date.parse(createdAt) + r.hoursLater * HOUR).toISOString(),
      };
    });
    await db
      .insertInto('feedback')
      .values({
        id,
        organization_id: ORGANIZATION.id,
        group_id: groupId(item.group),
        stakeholder_id: senderOf(item),
        idempotency_key: id,
        category: item.category,
        dimension_id: item.dimension === null ? null : dimensionId(item.dimension),
        body: item.body,
        reference: item.reference,
        status: item.status,
        // Work in progress has an owner: whoever answered.
        assignee_member_id: item.status === 'in_progress' && item.replies[0] ? memberId(item.replies[0].staff) : null,
        created_at: createdAt,
        updated_at: replies.at(-1)?.created_at ?? createdAt,
      })
      .execute();
    if (replies.length > 0) await db.insertInto('feedback_reply').values(replies).execute();
  }
}
