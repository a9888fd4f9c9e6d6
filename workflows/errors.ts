// What the engine refuses, by kind, so the server can answer 400 (input), 403 (approval) or 409.
export class WorkflowInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowInputError';
  }
}

/** An approval the caller may not give: the requester, a role not allowed, an expired request. */
export class ApprovalRefusedError extends Error {
  constructor(
    message: string,
    readonly reason: 'requester' | 'role' | 'expired' | 'state' | 'scope',
  ) {
    super(message);
    this.name = 'ApprovalRefusedError';
  }
}

/** The caller is scoped (warehouses, segments) and the row is outside the scope. */
export class OutOfScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutOfScopeError';
  }
}

export class RunNotFoundError extends Error {
  constructor(id: string) {
    super(`no workflow run ${id}`);
    this.name = 'RunNotFoundError';
  }
}
