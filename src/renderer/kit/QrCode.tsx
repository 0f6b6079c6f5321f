// A QR code drawn as inline SVG from the shared path (src/shared/minutes/qr.ts): crisp on
// screen and in print at any size, with fill attributes only (the CSP forbids inline style).
import { useMemo } from 'react'
import { qrPath } from '../../shared/minutes/qr'

/** `size`: CSS pixels on screen; print sizes come from the class. */
export function QrCode({ text, label, size, className = 'qr-code' }: { text: string; label: string; size?: number; className?: string }) {
  const { side, d } = useMemo(() => qrPath(text), [text])
  return (
    <svg className={className} viewBox={`0 0 ${side} ${side}`} width={size} height={size} shapeRendering="crispEdges" role="img" aria-label={label} data-qr-text={text}>
      <rect width={side} height={side} fill="#ffffff" />
      <path fill="#000000" d={d} />
    </svg>
  )
}
