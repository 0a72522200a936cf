import profile from "../../seccomp/grading.json" with { type: "json" };

/** The grading containers' seccomp profile (seccomp/grading.json) as HostConfig.SecurityOpt takes
 * it: `seccomp=<the profile's JSON>`, the same option the docker CLI fills from a file. */
export const GRADING_SECCOMP_PROFILE = JSON.stringify(profile);
