export { notifyDeliveryFailures } from './delivery.ts';
export {
  type InAppNotification,
  listNotifications,
  MAX_NOTIFICATIONS_PAGE,
  markNotificationsRead,
} from './in-app.ts';
export {
  deliveryFailedMail,
  feedbackArrivedMail,
  feedbackUpdateMail,
  feedbackWaitingMail,
  resultsDigestMail,
  scimLimitMail,
  webhookPausedMail,
} from './mail.ts';
export { type Addressee, notify } from './notify.ts';
export { choicesOf, type Recipient, setNotification, turnedOffAmong } from './preferences.ts';
export {
  type NotifyArgs,
  notifyFeedbackArrived,
  notifyFeedbackChange,
  notifyScimDeactivationLimit,
  notifyWebhookPaused,
  sendResultsDigests,
} from './send.ts';
export { unsubscribe, unsubscribeLink, unsubscribeToken } from './unsubscribe.ts';
export { notifyWaitingFeedback } from './waiting.ts';
