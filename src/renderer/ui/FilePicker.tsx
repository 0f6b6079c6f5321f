// Choosing files to open: the desktop's native open dialog when the platform offers one (passed
// in as `openNative`), a file input styled as a button in a browser. Either way the caller gets
// the same picked files (name, size, text, bytes).
import type { OpenFileKind } from '../../shared/ipc'
import type { PickedFile } from '../platform/types'

export function FilePicker(props: {
  label: string
  kind: OpenFileKind
  accept: string
  multiple?: boolean
  disabled?: boolean
  primary?: boolean
  openNative: ((kind: OpenFileKind, multiple: boolean) => Promise<PickedFile[]>) | undefined
  onFiles: (files: PickedFile[]) => void
}) {
  const multiple = props.multiple ?? false
  const className = props.primary ? 'button primary' : 'button'
  if (props.openNative) {
    const open = props.openNative
    return (
      <button type="button" className={props.primary ? 'primary' : undefined} disabled={props.disabled} onClick={() => void open(props.kind, multiple).then((files) => files.length > 0 && props.onFiles(files))}>
        {props.label}
      </button>
    )
  }
  return (
    <label className={className}>
      {props.label}
      <input
        type="file"
        multiple={multiple}
        accept={props.accept}
        className="visually-hidden"
        disabled={props.disabled}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])].map((f) => ({ name: f.name, size: f.size, text: () => f.text(), bytes: async () => new Uint8Array(await f.arrayBuffer()) }))
          e.target.value = ''
          if (files.length > 0) props.onFiles(files)
        }}
      />
    </label>
  )
}
