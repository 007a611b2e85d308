import { useId, useState, type FormEvent } from 'react';
import { changeRole, createInvite, listInvites, listMembers, removeMember, revokeInvite, type Invite, type Member } from '../api';
import { looksLikeEmail } from '../auth';
import { ConfirmButton, ErrorText, LoadError, Loading, PageHead, ReadOnlyNote } from '../components';
import { useAdmin, type AdminRole } from '../context';
import { formatDateTime, roleLabel } from '../format';
import { useLoad, useMutation } from '../hooks';
import { useAdminTitle } from '../Shell';

const ROLE_OPTIONS: readonly (readonly [AdminRole, string])[] = [
  ['admin', 'Admin: can change everything'],
  ['viewer', 'Viewer: read-only'],
];

interface People {
  members: Member[];
  invites: Invite[];
}

/** `/admin/users`: members and their roles, invites. Viewers see the lists only. */
export function UsersPage() {
  useAdminTitle('Users & invites');
  const data = useLoad(async (signal): Promise<People> => {
    const [members, invites] = await Promise.all([listMembers(signal), listInvites(signal)]);
    return { members, invites };
  }, 'people');

  return (
    <>
      <PageHead title="Users & invites">
        <p>Admins can change the catalog, prices and people; viewers can look at everything but change nothing.</p>
      </PageHead>
      <ReadOnlyNote />
      {data.status === 'loading' ? (
        <Loading label="Loading people…" />
      ) : data.status === 'error' ? (
        <LoadError error={data.error} onRetry={data.reload} />
      ) : (
        <PeopleEditor initial={data.data} />
      )}
    </>
  );
}

function PeopleEditor({ initial }: { initial: People }) {
  const { isAdmin, user } = useAdmin();
  const [members, setMembers] = useState(initial.members);
  const [invites, setInvites] = useState(initial.invites);
  const [announcement, setAnnouncement] = useState('');
  const memberAction = useMutation();
  const [busy, setBusy] = useState<string | null>(null);

  async function onRole(member: Member, role: AdminRole) {
    setBusy(member.userId);
    const result = await memberAction.run(() => changeRole(member.userId, role));
    setBusy(null);
    if (result.ok) {
      setMembers((list) => list.map((m) => (m.userId === member.userId ? { ...m, role: result.value.member.role } : m)));
      setAnnouncement(`${member.email} is now ${roleLabel(result.value.member.role).toLowerCase()}.`);
    }
  }

  async function onRemove(member: Member) {
    setBusy(member.userId);
    const result = await memberAction.run(() => removeMember(member.userId));
    setBusy(null);
    if (result.ok) {
      setMembers((list) => list.filter((m) => m.userId !== member.userId));
      setAnnouncement(`${member.email} was removed from the organization.`);
    }
  }

  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <section className="admin-section" aria-labelledby="members-title">
        <h2 id="members-title" className="admin-section__title">
          Members
        </h2>
        <ErrorText error={memberAction.error} />
        <div className="admin-tablewrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                {isAdmin ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => {
                const self = m.userId === user.id;
                const rowId = `member-${m.userId}`;
                return (
                  <tr key={m.userId}>
                    <th scope="row" id={rowId}>
                      {m.name || '—'}
                      {self ? <span className="admin-you"> (you)</span> : null}
                    </th>
                    <td>{m.email}</td>
                    <td>
                      {isAdmin && !self ? (
                        <RoleSelect member={m} disabled={busy === m.userId} onChange={(role) => void onRole(m, role)} />
                      ) : (
                        roleLabel(m.role)
                      )}
                    </td>
                    <td>{formatDateTime(m.joinedAt)}</td>
                    {isAdmin ? (
                      <td className="admin-actions">
                        {self ? (
                          <span className="admin-hint">Ask another admin to change your own access.</span>
                        ) : (
                          <ConfirmButton
                            label="Remove"
                            confirmLabel={`Confirm removing ${m.email}`}
                            pending={busy === m.userId}
                            describedBy={rowId}
                            onConfirm={() => void onRemove(m)}
                          />
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {isAdmin ? <InviteForm onInvited={(invite) => setInvites((list) => [invite, ...list.filter((i) => i.email !== invite.email)])} /> : null}

      <PendingInvites invites={invites} onRevoked={(id) => setInvites((list) => list.filter((i) => i.id !== id))} />
    </>
  );
}

function RoleSelect({ member, disabled, onChange }: { member: Member; disabled: boolean; onChange: (role: AdminRole) => void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        Role for {member.email}
      </label>
      <select id={id} className="admin-select" value={member.role} disabled={disabled} onChange={(e) => onChange(e.target.value as AdminRole)}>
        <option value="admin">Admin</option>
        <option value="viewer">Viewer</option>
      </select>
    </>
  );
}

function InviteForm({ onInvited }: { onInvited: (invite: Invite) => void }) {
  const [role, setRole] = useState<AdminRole>('viewer');
  const [sent, setSent] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const invite = useMutation();
  const ids = { email: useId(), role: useId(), error: useId() };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (invite.pending) return;
    const formEl = event.currentTarget;
    const email = String(new FormData(formEl).get('email') ?? '').trim();
    setSent(null);
    if (!looksLikeEmail(email)) {
      invite.clearError();
      setLocalError('Enter the email address of the person to invite.');
      return;
    }
    setLocalError(null);
    const result = await invite.run(() => createInvite(email, role));
    if (result.ok) {
      onInvited(result.value.invite);
      setSent(`Invite sent to ${result.value.invite.email}. The link works once, for 7 days.`);
      formEl.reset();
    }
  }

  const hasError = Boolean(localError || invite.error);
  return (
    <section className="admin-section" aria-labelledby="invite-title">
      <h2 id="invite-title" className="admin-section__title">
        Invite someone
      </h2>
      <form className="admin-inline-form" onSubmit={onSubmit} noValidate>
        <div className="field admin-field">
          <label htmlFor={ids.email}>Email</label>
          <input
            id={ids.email}
            name="email"
            type="email"
            autoComplete="off"
            inputMode="email"
            required
            aria-invalid={hasError || undefined}
            aria-describedby={hasError ? ids.error : undefined}
          />
        </div>
        <div className="field admin-field">
          <label htmlFor={ids.role}>Role</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value as AdminRole)}>
            {ROLE_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-inline-form__actions">
          <button type="submit" className="button" aria-disabled={invite.pending || undefined}>
            {invite.pending ? 'Sending…' : 'Send invite'}
          </button>
        </div>
      </form>
      {localError ? (
        <div id={ids.error} className="form__error" role="alert">
          {localError}
        </div>
      ) : (
        <ErrorText id={ids.error} error={invite.error} />
      )}
      <p className="admin-success" role="status">
        {sent}
      </p>
    </section>
  );
}

function PendingInvites({ invites, onRevoked }: { invites: Invite[]; onRevoked: (id: string) => void }) {
  const { isAdmin } = useAdmin();
  const revoke = useMutation();
  const [busy, setBusy] = useState<string | null>(null);

  async function onRevoke(invite: Invite) {
    setBusy(invite.id);
    const result = await revoke.run(() => revokeInvite(invite.id));
    setBusy(null);
    if (result.ok || (result.error as { status?: number } | null)?.status === 404) {
      if (!result.ok) revoke.clearError();
      onRevoked(invite.id);
    }
  }

  return (
    <section className="admin-section" aria-labelledby="invites-title">
      <h2 id="invites-title" className="admin-section__title">
        Pending invites
      </h2>
      <ErrorText error={revoke.error} />
      {invites.length === 0 ? (
        <p className="admin-empty">No invites are waiting to be accepted.</p>
      ) : (
        <div className="admin-tablewrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Sent</th>
                <th scope="col">Expires</th>
                {isAdmin ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {invites.map((i) => (
                <tr key={i.id}>
                  <th scope="row" id={`invite-${i.id}`}>
                    {i.email}
                  </th>
                  <td>{roleLabel(i.role)}</td>
                  <td>{formatDateTime(i.createdAt)}</td>
                  <td>{formatDateTime(i.expiresAt)}</td>
                  {isAdmin ? (
                    <td className="admin-actions">
                      <ConfirmButton
                        label="Revoke"
                        confirmLabel={`Confirm revoking the invite for ${i.email}`}
                        pending={busy === i.id}
                        describedBy={`invite-${i.id}`}
                        onConfirm={() => void onRevoke(i)}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
