export { notifyDeliveryFailures } from './delivery.ts';
export {
  deliveryFailedMail,
  feedbackArrivedMail,
  feedbackUpdateMail,
  resultsDigestMail,
  scimLimitMail,
  webhookPausedMail,
} from './mail.ts';
export { type Recipient, setNotification, turnedOff, turnedOffAmong } from './preferences.ts';
export {
  type NotifyArgs,
  notifyFeedbackArrived,
  notifyFeedbackChange,
  notifyScimDeactivationLimit,
  notifyWebhookPaused,
  sendResultsDigests,
} from './send.ts';
export { unsubscribe, unsubscribeLink, unsubscribeToken } from './unsubscribe.ts';
