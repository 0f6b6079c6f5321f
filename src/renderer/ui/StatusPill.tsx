// A small label for a status value, already translated by the caller.
export function StatusPill({ status, label }: { status: string; label: string }) {
  return <span className={`pill ${status}`}>{label}</span>
}
