import { FeedbackService } from './modules/feedback/feedback.service';

/** One instance of each capability's service, shared by resolvers, routes and jobs. */
export function createServices() {
  return {
    feedback: new FeedbackService(),
  };
}

export type Services = ReturnType<typeof createServices>;
