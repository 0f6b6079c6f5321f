// When a secret vote's ballot box is full, stated once: the laptop's booth, the phones' host, the
// vote panel and the phone panel all ask here. Drawn phone codes name no one, so once phones take
// part the box stops at as many ballots as there are eligible voters, whoever cast them.

/** What is in the box: eligible voters, ballots cast at the laptop, ballots received from phones. */
export interface BallotBox {
  eligible: number
  laptop: number
  phones: number
}

/** A vote as the box sees it (shared/doc's Vote has these fields). */
export interface BallotBoxVote {
  eligible: readonly unknown[]
  checkedOff: readonly unknown[]
  phone: { received: number } | null
}

/**
 * The box of a vote. `phones` defaults to the count in the document; the phones' host passes its
 * own, which may be ahead of the document's (a store of the count that failed counts all the same).
 */
export const ballotBoxOf = (vote: BallotBoxVote, phones: number = vote.phone?.received ?? 0): BallotBox => ({
  eligible: vote.eligible.length,
  laptop: vote.checkedOff.length,
  phones,
})

/** Ballots in the box, from the laptop and the phones together. */
export const ballotsIn = (box: BallotBox): number => box.laptop + box.phones

/** How many more ballots the box takes. */
export const ballotRoom = (box: BallotBox): number => Math.max(0, box.eligible - ballotsIn(box))

/** The box takes no more ballots. */
export const ballotBoxFull = (box: BallotBox): boolean => ballotRoom(box) < 1
