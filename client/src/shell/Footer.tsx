import { Link } from 'react-router';
import { FeedbackLink } from './FeedbackLink';

export function Footer() {
  return (
    <footer className="govuk-template__footer">
      <div className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">Support links</h2>
              <ul className="govuk-footer__inline-list">
                <li className="govuk-footer__inline-list-item">
                  <Link to="/accessibility" className="govuk-footer__link">
                    Accessibility statement
                  </Link>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <Link to="/privacy" className="govuk-footer__link">
                    Privacy
                  </Link>
                </li>
                <li className="govuk-footer__inline-list-item">
                  <FeedbackLink className="govuk-footer__link">Feedback</FeedbackLink>
                </li>
              </ul>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}
