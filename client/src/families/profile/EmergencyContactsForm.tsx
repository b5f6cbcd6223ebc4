import type { EmergencyContact } from '@harbour/shared';
import { useEffect, useState } from 'react';
import { TextInput } from '../../govuk/TextInput';
import type { ChildWithProfile } from './profileApi';
import { contactFieldId } from './profileForm';
import { SectionFormPage, useSectionSave } from './SectionFormPage';

/** Contacts beyond this are refused by the shared schema, so the form offers no more. */
const maxContacts = 4;

/** A contact being typed; `key` keeps each fieldset's identity when another is removed. */
type ContactAnswer = EmergencyContact & { key: number };

/**
 * Who to call in an emergency, one fieldset a contact, as the GOV.UK "add another" pattern:
 * adding or removing a contact moves focus to a contact's first field, or to the Add button.
 */
export function EmergencyContactsForm({ child }: { child: ChildWithProfile }) {
  const name = child.firstName;
  const [contacts, setContacts] = useState<ContactAnswer[]>(() =>
    child.profile.emergencyContacts.map((contact, key) => ({ ...contact, key })),
  );
  const [focusId, setFocusId] = useState<string | null>(null);
  const saving = useSectionSave(child, 'EMERGENCY_CONTACTS');

  useEffect(() => {
    if (focusId) document.getElementById(focusId)?.focus();
  }, [focusId, contacts.length]);

  function change(index: number, answer: Partial<EmergencyContact>) {
    setContacts(
      contacts.map((contact, row) => (row === index ? { ...contact, ...answer } : contact)),
    );
  }

  function add() {
    const key = Math.max(-1, ...contacts.map((contact) => contact.key)) + 1;
    setContacts([...contacts, { key, name: '', relationship: '', phone: '' }]);
    setFocusId(contactFieldId(contacts.length, 'name'));
  }

  function remove(index: number) {
    setContacts(contacts.filter((_contact, row) => row !== index));
    setFocusId(contacts.length > 1 ? contactFieldId(Math.max(0, index - 1), 'name') : addButtonId);
  }

  return (
    <SectionFormPage
      child={child}
      section="EMERGENCY_CONTACTS"
      saving={saving}
      onSubmit={(event) =>
        saving.save(event, {
          emergencyContacts: contacts.map(({ name, relationship, phone }) => ({
            name,
            relationship,
            phone,
          })),
        })
      }
      intro={
        <p className="govuk-body">
          Who a provider should call if something happens while {name} is with them. You can add up
          to {maxContacts} people.
        </p>
      }
    >
      {contacts.length === 0 && (
        <p className="govuk-body">You have not added any emergency contacts.</p>
      )}
      {contacts.map((contact, index) => {
        const errorFor = (part: keyof EmergencyContact) =>
          saving.form.errorFor(`emergencyContacts.${index}.${part}`);
        return (
          <div key={contact.key} className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                Contact {index + 1}
              </legend>
              {/* Other people's details: the browser should not fill in the parent's own. */}
              <TextInput
                id={contactFieldId(index, 'name')}
                label="Name"
                autoComplete="off"
                spellCheck={false}
                widthClass="govuk-!-width-two-thirds"
                value={contact.name}
                onChange={(value) => change(index, { name: value })}
                error={errorFor('name')}
              />
              <TextInput
                id={contactFieldId(index, 'relationship')}
                label={`Relationship to ${name}`}
                hint="For example, parent, grandparent or neighbour"
                autoComplete="off"
                widthClass="govuk-!-width-one-half"
                value={contact.relationship}
                onChange={(value) => change(index, { relationship: value })}
                error={errorFor('relationship')}
              />
              <TextInput
                id={contactFieldId(index, 'phone')}
                label="Phone number"
                hint="For example, 01392 123456 or 07700 900123"
                autoComplete="off"
                inputMode="tel"
                spellCheck={false}
                widthClass="govuk-input--width-20"
                value={contact.phone}
                onChange={(value) => change(index, { phone: value })}
                error={errorFor('phone')}
              />
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => remove(index)}
              >
                Remove<span className="govuk-visually-hidden"> contact {index + 1}</span>
              </button>
            </fieldset>
          </div>
        );
      })}
      {contacts.length < maxContacts && (
        <div>
          <button
            id={addButtonId}
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={add}
          >
            {contacts.length === 0 ? 'Add a contact' : 'Add another contact'}
          </button>
        </div>
      )}
    </SectionFormPage>
  );
}

const addButtonId = 'add-contact';
