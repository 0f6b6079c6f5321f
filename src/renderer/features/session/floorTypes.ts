// Types the floor's panels share: a select's option, and the card's one action runner (so every
// form of a card reports its failure in the card's one banner).
export interface Option {
  value: string
  label: string
}

export type Run = (fn: () => Promise<unknown> | undefined) => Promise<boolean>
