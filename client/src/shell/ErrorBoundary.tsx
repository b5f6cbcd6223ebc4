import { Component, type ReactNode } from 'react';
import { ServiceProblemPage } from './ServiceProblemPage';

/** Shows GOV.UK's "problem with the service" page instead of a blank page when a page crashes. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { hasFailed: boolean }> {
  override state = { hasFailed: false };

  static getDerivedStateFromError() {
    return { hasFailed: true };
  }

  override render() {
    return this.state.hasFailed ? <ServiceProblemPage /> : this.props.children;
  }
}
