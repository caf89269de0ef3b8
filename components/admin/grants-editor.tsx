/** Grants as rows of cluster and role, for the add form and the grants panel; the caller keeps the value. */
import { EVERY_CLUSTER, ROLES, roleSchema, type Grant } from '@/lib/roles';
import { grantsNote, grantsProblem, nextGrant, type ClusterChoice } from './grants';

export function GrantsEditor({
  grants,
  clusters,
  onChange,
  testId,
}: {
  grants: Grant[];
  clusters: ClusterChoice[];
  onChange(grants: Grant[]): void;
  testId: string;
}) {
  const problem = grantsProblem(grants);
  const replace = (index: number, grant: Grant) => onChange(grants.map((g, i) => (i === index ? grant : g)));
  // A cluster granted but no longer configured stays choosable, so editing other rows does not drop it.
  const choices = [
    ...clusters,
    ...grants
      .filter((g) => g.cluster !== EVERY_CLUSTER && !clusters.some((c) => c.id === g.cluster))
      .map((g) => ({ id: g.cluster, name: `${g.cluster} (not configured)` })),
  ];
  return (
    <fieldset className="grants-editor" data-testid={testId}>
      <legend>Grants</legend>
      {grants.map((grant, index) => (
        <div key={index} className="grant-row">
          <select
            aria-label={`Cluster of grant ${index + 1}`}
            value={grant.cluster}
            data-testid={`grant-cluster-${index}`}
            onChange={(e) => replace(index, { ...grant, cluster: e.target.value })}
          >
            <option value={EVERY_CLUSTER}>every cluster (*)</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.id === c.name ? c.id : `${c.id} — ${c.name}`}
              </option>
            ))}
          </select>{' '}
          <select
            aria-label={`Role of grant ${index + 1}`}
            value={grant.role}
            data-testid={`grant-role-${index}`}
            onChange={(e) => {
              const role = roleSchema.safeParse(e.target.value);
              if (role.success) replace(index, { ...grant, role: role.data });
            }}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            className="link"
            aria-label={`Remove grant ${index + 1}`}
            data-testid={`grant-remove-${index}`}
            onClick={() => onChange(grants.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" data-testid="grant-add" onClick={() => onChange([...grants, nextGrant(grants, clusters)])}>
        Add a grant
      </button>
      <p className="muted" data-testid="grants-note">
        {grantsNote(grants)}
      </p>
      {problem ? (
        <p className="problem" role="alert" data-testid="grants-problem">
          {problem}
        </p>
      ) : null}
    </fieldset>
  );
}
