import { DomainError } from "../domain-error";

/** An exercise that does not exist or is archived: the learner sees the same either way. */
export function exerciseNotFound(exerciseId: string) {
  return new DomainError("NOT_FOUND", `There is no exercise "${exerciseId}".`);
}
