// Errors raised by document accessors, as codes the UI translates (errors.doc.<code>).
export type DocErrorCode =
  | 'newerSchema'
  | 'missingMigration'
  | 'invalidDocument'
  | 'notFound'
  | 'agendaLocked'
  | 'badTransition'
  | 'invalidInput'
  | 'memberHasHistory'
  // The meeting is not in a state that allows this (detail: { status, allowed }).
  | 'wrongMeetingStatus'
  // Attendance: the member is not on this meeting's roster (sign-in not started, or not a member that day).
  | 'notOnRoster'
  | 'notPresent'
  | 'alreadyPresent'
  // Session: opening without quorum needs an override (who and why).
  | 'quorumNotMet'
  // Motions: another main motion is on the floor (detail: { motionId }).
  | 'motionOnFloor'
  // Motions: the step is not allowed from the motion's status (detail: { from, to }).
  | 'badMotionTransition'
  // Motions: an amendment must be decided (or withdrawn) before its parent is voted on.
  | 'amendmentPending'
  // Votes: a vote is open (detail: { voteId }); closing the session or opening another waits for it.
  | 'voteOpen'
  | 'voteClosed'
  | 'wrongVoteMethod'
  | 'notEligible'
  | 'alreadyVoted'
  | 'countsExceedEligible'
  | 'ballotsExceedVoters'
  // Phones: every eligible voter has a ballot in (laptop box and phones together).
  | 'ballotsFull'
  // Phones: the vote does not take ballots from phones.
  | 'phonesNotEnabled'
  // Phones: a drawn code used in a roll call, or a named one in a secret ballot.
  | 'wrongCodeKind'
  // Phones: the host has not yet written the phone ballots in; the vote cannot close before.
  | 'phoneBallotsPending'
  // Votes: a correction or re-vote needs an announced vote (not open, not cancelled).
  | 'voteNotAnnounced'
  // Votes: a later vote on the motion exists; only the latest may be corrected or repeated.
  | 'voteSuperseded'
  // Votes: the corrected counts are impossible (detail: { reasons }).
  | 'correctionRejected'
  // Votes: correcting an amendment's outcome would change its motion's text: propose it again instead.
  | 'correctionChangesAmendment'
  // Votes: an amendment is not repeated by a re-vote (its text already went into the motion).
  | 'revoteAmendment'
  // Votes: the result to freeze does not match the counts in the document (detail: { expected, got }).
  | 'resultMismatch'
  // Minutes: sealed minutes are never edited; a correction refers to them instead.
  | 'minutesSealed'
  // Minutes: a signature is missing, or was given to an earlier version of the draft.
  | 'signaturesStale'
  // Minutes: the bundle goes to the street office only after the public notice is posted.
  | 'noticeRequired'

export class DocError extends Error {
  constructor(
    readonly code: DocErrorCode,
    readonly detail?: unknown,
  ) {
    super(`doc error: ${code}`)
    this.name = 'DocError'
  }
}
