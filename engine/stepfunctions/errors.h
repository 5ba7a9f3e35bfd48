// errors.h — Step Functions error names and the error value the interpreter passes around.
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sim::sfn {

// Predefined error names (ASL Appendix A and the Step Functions error-handling page).
inline constexpr const char* kStatesAll = "States.ALL";
inline constexpr const char* kStatesRuntime = "States.Runtime";
inline constexpr const char* kStatesTimeout = "States.Timeout";
inline constexpr const char* kStatesHeartbeatTimeout = "States.HeartbeatTimeout";
inline constexpr const char* kStatesTaskFailed = "States.TaskFailed";
inline constexpr const char* kStatesPermissions = "States.Permissions";
inline constexpr const char* kStatesResultPathMatchFailure = "States.ResultPathMatchFailure";
inline constexpr const char* kStatesParameterPathFailure = "States.ParameterPathFailure";
inline constexpr const char* kStatesBranchFailed = "States.BranchFailed";
inline constexpr const char* kStatesNoChoiceMatched = "States.NoChoiceMatched";
inline constexpr const char* kStatesIntrinsicFailure = "States.IntrinsicFailure";
inline constexpr const char* kStatesExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
inline constexpr const char* kStatesItemReaderFailed = "States.ItemReaderFailed";
inline constexpr const char* kStatesResultWriterFailed = "States.ResultWriterFailed";
inline constexpr const char* kStatesDataLimitExceeded = "States.DataLimitExceeded";

// An ASL error: a name plus an optional cause (a Fail state without Cause has none).
struct AslError {
    std::string error;
    std::optional<std::string> cause;
};

// True for errors no Retrier or Catcher can handle: AWS documents that States.ALL does not
// catch States.Runtime or States.DataLimitExceeded, and both always fail the execution.
inline bool is_terminal_error(const std::string& name) {
    return name == kStatesRuntime || name == kStatesDataLimitExceeded;
}

// Whether an ErrorEquals list matches `name`. States.ALL matches any non-terminal error;
// States.TaskFailed matches any non-terminal error except States.Timeout (AWS docs).
inline bool error_list_matches(const std::vector<std::string>& error_equals, const std::string& name) {
    if (is_terminal_error(name)) return false;
    for (const auto& e : error_equals) {
        if (e == name || e == kStatesAll) return true;
        if (e == kStatesTaskFailed && name != kStatesTimeout) return true;
    }
    return false;
}

}  // namespace sim::sfn
