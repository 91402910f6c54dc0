export interface UserMenuProps {
  name: string;
  signOutLabel: string;
  onSignOut: () => void;
  busy?: boolean;
}

/** The signed-in person's name and a sign-out button, for the shell's header. */
export function UserMenu({ name, signOutLabel, onSignOut, busy }: UserMenuProps) {
  return (
    <div className="fx-user-menu">
      <span className="fx-user-menu__name">{name}</span>
      <button
        type="button"
        className="fx-button fx-button--secondary fx-button--sm"
        onClick={onSignOut}
        disabled={busy}
      >
        {signOutLabel}
      </button>
    </div>
  );
}
