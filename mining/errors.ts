// Errors that mean "the question was asked wrongly" (a bad filter, a perspective the log does not
// have): the server answers them as bad requests, not as failures.
export class MiningInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MiningInputError';
  }
}

/** Something the question names does not exist (a case of a log): the server answers NOT_FOUND. */
export class MiningNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MiningNotFoundError';
  }
}
