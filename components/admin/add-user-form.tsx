/** Email, name and grants of a new user; the server generates the password, which the page shows once. */
import { useState, type FormEvent } from 'react';
import type { Grant } from '@/lib/roles';
import { ErrorBox } from '@/components/ui/error-box';
import { GrantsEditor } from './grants-editor';
import { grantsProblem, nextGrant, type ClusterChoice } from './grants';

export interface NewUser {
  email: string;
  name: string;
  grants: Grant[];
}

export function AddUserForm({
  clusters,
  busy,
  error,
  onAdd,
}: {
  clusters: ClusterChoice[];
  busy: boolean;
  /** The last attempt's failure, or null. */
  error: unknown;
  /** Resolves true once the user exists: the form then empties. */
  onAdd(user: NewUser): Promise<boolean>;
}) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [grants, setGrants] = useState<Grant[]>(() => [nextGrant([], clusters)]);
  const problem = grantsProblem(grants);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (problem) return;
    if (await onAdd({ email: email.trim(), name: name.trim(), grants })) {
      setEmail('');
      setName('');
      setGrants([nextGrant([], clusters)]);
    }
  }

  return (
    <form className="editor add-user" onSubmit={submit} data-testid="add-user-form">
      <h3>Add a user</h3>
      <label>
        Email{' '}
        <input
          type="email"
          required
          maxLength={320}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="add-user-email"
        />
      </label>{' '}
      <label>
        Name{' '}
        <input
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          data-testid="add-user-name"
        />
      </label>
      <GrantsEditor grants={grants} clusters={clusters} onChange={setGrants} testId="add-user-grants" />
      <button type="submit" disabled={busy || problem !== null} data-testid="add-user-submit">
        {busy ? 'Adding…' : 'Add user'}
      </button>{' '}
      <span className="muted">There is no sign-up: the password is generated and shown once, after adding.</span>
      {error ? <ErrorBox title="Not added:" error={error} testId="add-user-error" /> : null}
    </form>
  );
}
