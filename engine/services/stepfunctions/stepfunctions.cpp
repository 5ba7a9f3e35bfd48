// stepfunctions.cpp — a Step Functions state machine: starts executions (API Gateway, Lambda
// actions, EventBridge targets, manual events), runs them on the ASL interpreter in virtual time,
// calls wired nodes for Task states (stepfunctions_tasks.cpp), bills and keeps a history.
// Modelled:     [x] Definition (or DefinitionString) validated at load: each problem names the state
//                   and reason at /nodes/i/config/Definition/...; Task Resources must reach wired nodes
//               [x] STANDARD: StartExecution answers 200 {executionArn, startDate} at once; 1 year max;
//                   $0.025 per 1,000 state transitions (retries count); StartExecution bucket 1,300
//                   refilling 300/s → ThrottlingException (unverified figures)
//               [x] EXPRESS: StartSyncExecution answers when the run ends {status, output | error,
//                   cause}; 5 min max (→ States.Timeout); $1.00 per 1M requests + $0.00001667 per
//                   GB-s, duration rounded up to 100 ms, memory in 64 MB steps
//               [x] Retry / Catch / Wait / Map / Parallel in virtual time (engine/stepfunctions)
//               [x] execution history per run, recent runs in inspect()
//               [x] .waitForTaskToken: the task waits for SendTaskSuccess / SendTaskFailure /
//                   SendTaskHeartbeat with its token (from Lambda code wired to this node: the token
//                   names the node), or times out (States.Timeout / States.HeartbeatTimeout). A
//                   Lambda model without code never calls back, so its task waits for TimeoutSeconds.
//               [x] .sync / .sync:2 of states:startExecution: the child answers when its run ends
//               [x] Express workflows refuse .sync and .waitForTaskToken at validation (AWS)
// Not modelled: [ ] Express at-least-once duplicates  [ ] 25,000-event history cap  [ ] redrive
//               [ ] distributed Map child executions  [ ] execution name idempotency
// AWS: https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html
#include "services/stepfunctions/stepfunctions.h"
#include "services/stepfunctions/stepfunctions_contract.h"

#include "core/token_bucket.h"
#include "pattern/config_reader.h"
#include "pattern/pattern.h"
#include "prices/price_table.h"
#include "services/stepfunctions/stepfunctions_tasks.h"
#include "stepfunctions/asl_parse.h"
#include "stepfunctions/execution.h"

#include <algorithm>
#include <deque>
#include <map>

namespace sim::svc {
namespace {

constexpr std::size_t kKeptRuns = 25;           // finished executions kept for inspect()
constexpr std::size_t kKeptEventsPerRun = 400;  // history events shown per kept run

struct Config {
    std::string name;
    bool express = false;
    std::shared_ptr<const sfn::StateMachineDef> machine;
    std::int64_t definition_bytes = 0;
    std::map<std::string, const Link*> targets;                  // wired node id → link
    Distribution task_latency = Distribution::lognormal(8, 30);  // scheduling + service overhead
    // An unsimulated job (ecs:runTask .sync / .waitForTaskToken): a Fargate task's start time, the
    // fargate node's TaskStartMs default (no AWS figure exists; AWS-FACTS §14).
    Distribution job_latency = Distribution::uniform(30000, 60000);
};

struct Run {
    std::unique_ptr<sfn::Execution> ex;
    Message msg;       // what started it (trace, origin)
    CallerRef caller;  // set for StartSyncExecution
    SimTime start;
    SimTime armed = kNever;
    std::int64_t billed_transitions = 0;
    bool describe = false;  // started by a parent's .sync task: answer with DescribeExecution's fields
};

struct PendingTask {
    std::uint64_t run = 0, task = 0;
    sfn_tasks::TaskTarget target;
    SimTime start;
    std::string state;
    std::string token;  // .waitForTaskToken
};

constexpr std::uint64_t kUnsimulatedTimer = 1ULL << 62;  // timer tags of unsimulated tasks
constexpr const char* kTokenPrefix = "sfn-task-token/";

class StateMachine final : public Service {
public:
    explicit StateMachine(Config c) : c_(std::move(c)) {}

    void on_start(Context& ctx) override { rng_ = &ctx.rng(); }

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        static const Json kEmpty = Json::object();
        const Json& body = in.msg.body ? *in.msg.body : kEmpty;
        if (body.is_object() && body.contains("taskToken") && body.value("operation", "").starts_with("SendTask"))
            return on_callback(ctx, in, body);
        ctx.metrics().count(Counter::Invocations, now);
        // What to start with: a StartExecution request (API Gateway's integration, a Lambda action)
        // → its input (AWS's `input`; a Lambda action's Input or the event); EventBridge / manual →
        // the event itself.
        std::string op = "StartExecution";
        Json input = body;
        if (body.is_object() && body.contains("operation") && body["operation"].is_string()) {
            op = body["operation"].get<std::string>();
            input = body.contains("Input")   ? body["Input"]
                    : body.contains("input") ? body["input"]
                    : body.contains("Event") ? body["Event"]
                                             : Json::object();
            if (input.is_string()) input = Json::parse(input.get<std::string>(), nullptr, false);
        }
        if (input.is_discarded()) return refuse(ctx, in, kSfnInvalidExecutionInput, "Input is not valid JSON");
        if (op == "StartSyncExecution" && !c_.express)
            return refuse(ctx, in, kSfnStateMachineTypeNotSupported,
                          "This operation is not supported by this type of state machine");
        if (op != "StartExecution" && op != "StartSyncExecution")
            return refuse(ctx, in, kSfnInvalidAction,
                          "operation '" + op + "' is not simulated; use StartExecution or StartSyncExecution");
        if (input.dump().size() > 256 * 1024)
            return refuse(ctx, in, kSfnInvalidExecutionInput, "Input exceeds the 256 KiB payload limit");
        if (!c_.express) {  // Standard StartExecution token bucket (1,300 burst, 300/s)
            if (!start_executions_.try_take(now)) {
                ctx.metrics().count(Counter::Throttles, now);
                return refuse(ctx, in, kSfnThrottling, "Rate exceeded");
            }
        }
        const std::uint64_t id = next_run_++;
        sfn::ExecutionOptions opt;
        opt.name = "exec-" + std::to_string(id);
        opt.state_machine_name = c_.name;
        opt.epoch_offset_us = static_cast<std::int64_t>(ctx.start_unix_s()) * 1000000;
        Rng* rng = rng_;
        opt.random = [rng] { return rng->next_u64(); };
        opt.task_token_prefix = kTokenPrefix + ctx.node_id() + "/";
        Run run;
        run.ex = std::make_unique<sfn::Execution>(c_.machine, std::move(input), now.us, opt);
        run.msg = in.msg;
        run.start = now;
        if (op == "StartSyncExecution") {
            run.caller = in.caller;
        } else if (body.is_object() && body.value("WaitForCompletion", false) && in.caller.valid()) {
            run.caller = in.caller;  // a parent's .sync task: answered when this run ends
            run.describe = true;
        } else {
            Reply r;
            r.body = std::make_shared<const Json>(
                Json{{"executionArn", run.ex->execution_arn()},
                     {"startDate", static_cast<double>(ctx.start_unix_s()) + now.seconds()}});
            ctx.reply(in.caller, std::move(r), msec(20));
        }
        ++started_;
        runs_.emplace(id, std::move(run));
        ctx.metrics().set_concurrency(static_cast<std::int64_t>(runs_.size()), now);
        if (c_.express) ctx.metrics().add_cost(price_table::kSfnExpressRequest, now);  // Express: $1.00 per 1M requests
        drive(ctx, id);
    }

    void on_timer(Context& ctx, std::uint64_t id) override {
        if (id & kUnsimulatedTimer) {
            // An unsimulated service's call is done: an empty result (for a callback, as if its
            // worker called SendTaskSuccess with "{}").
            auto p = tasks_.find(id);
            if (p == tasks_.end()) return;
            PendingTask t = std::move(p->second);
            tasks_.erase(p);
            drop_token(t.token);
            if (!runs_.count(t.run)) return;
            runs_.at(t.run).ex->complete_task(t.task, Json::object());
            return drive(ctx, t.run);
        }
        auto it = runs_.find(id);
        if (it == runs_.end()) return;
        it->second.armed = kNever;
        drive(ctx, id);
    }

    void on_reply(Context& ctx, std::uint64_t call, const Reply& r) override {
        auto p = tasks_.find(call);
        if (p == tasks_.end()) return;
        PendingTask t = std::move(p->second);
        tasks_.erase(p);
        auto it = runs_.find(t.run);
        if (it == runs_.end()) return;
        sfn::Execution& ex = *it->second.ex;
        if (r.ok() && r.status < 400 && t.target.pattern == sfn_tasks::Pattern::Callback) {
            return;  // the request went out with the token: the task waits for SendTask*
        } else if (auto failed = r.ok() ? sfn_tasks::job_failure(t.target, r) : std::nullopt) {
            ex.fail_task(t.task, failed->first, failed->second);
        } else if (r.ok() && r.status < 400) {
            ex.complete_task(t.task, sfn_tasks::result_of(t.target, r, call));
        } else {
            drop_token(t.token);
            auto [error, cause] = sfn_tasks::error_of(t.target, r);
            ctx.metrics().count(Counter::Retries, ctx.now());
            ex.fail_task(t.task, error, cause);
        }
        drive(ctx, t.run);
    }

    void report(Json& out) const override {
        out["executions_started"] = started_;
        out["executions_succeeded"] = succeeded_;
        out["executions_failed"] = failed_;
        out["executions_running"] = runs_.size();
        out["state_transitions"] = transitions_;
        out["workflow_type"] = c_.express ? "EXPRESS" : "STANDARD";  // "type" stays the node type
    }

    Json inspect() const override {
        Json list = Json::array();
        for (const Json& r : finished_) list.push_back(r);
        Json running = Json::array();
        for (const auto& [id, run] : runs_) {
            if (running.size() >= 25) break;
            running.push_back(summary(run, false));
        }
        return {{"state_machine", c_.name},
                {"workflow_type", c_.express ? "EXPRESS" : "STANDARD"},
                {"running", running},
                {"recent_executions", list},
                {"note", "the last 25 finished executions, up to 400 history events each"}};
    }

private:
    // SendTaskSuccess / SendTaskFailure / SendTaskHeartbeat with a task token this node issued.
    // https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html
    void on_callback(Context& ctx, const Inbound& in, const Json& body) {
        const std::string op = body.value("operation", "");
        const Json& tok = body["taskToken"];
        const std::string token = tok.is_string() ? tok.get<std::string>() : "";
        if (op != "SendTaskSuccess" && op != "SendTaskFailure" && op != "SendTaskHeartbeat")
            return refuse(ctx, in, kSfnInvalidAction, "operation '" + op + "' is not simulated");
        if (sfn_task_token_node(token) != ctx.node_id()) return refuse(ctx, in, kSfnInvalidToken, "Invalid token");
        auto it = tokens_.find(token);
        if (it == tokens_.end() || !runs_.count(it->second.first))
            // Issued here, but its task has ended (timed out, failed, settled or its run stopped).
            return refuse(ctx, in, kSfnTaskTimedOut, "Task Timed Out: '" + token + "'");
        const auto [run_id, task_id] = it->second;
        sfn::Execution& ex = *runs_.at(run_id).ex;
        if (op == "SendTaskHeartbeat") {
            ex.heartbeat_task(task_id, ctx.now().us);
        } else if (op == "SendTaskSuccess") {
            const Json& out = body.contains("output") ? body["output"] : Json();
            Json output = out.is_string() ? Json::parse(out.get<std::string>(), nullptr, false) : out;
            if (!body.contains("output") || output.is_discarded())
                return refuse(ctx, in, kSfnInvalidOutput, "Invalid State Machine Output: the output is not JSON");
            ex.complete_task(task_id, std::move(output));
            drop_token(token);
        } else {
            // SendTaskFailure: the task fails with the given error (States.TaskFailed when none).
            const std::string error =
                body.contains("error") && body["error"].is_string() ? body.value("error", "") : "";
            std::optional<std::string> cause;
            if (body.contains("cause") && body["cause"].is_string()) cause = body["cause"].get<std::string>();
            ctx.metrics().count(Counter::Retries, ctx.now());
            ex.fail_task(task_id, error, cause);
            drop_token(token);
        }
        if (in.caller.valid()) ctx.reply(in.caller, Reply{}, msec(20));
        drive(ctx, run_id);
    }

    void drop_token(const std::string& token) {
        if (!token.empty()) tokens_.erase(token);
    }

    void refuse(Context& ctx, const Inbound& in, const ErrorSpec& error, const std::string& detail) {
        if (error.kind != ErrorClass::Throttle) ctx.metrics().count(Counter::Errors, ctx.now());
        if (in.caller.valid())
            ctx.reply(in.caller, Reply::failure(error, detail));
        else
            ctx.drop(in.msg, DropReason::Refused, std::string(error.code) + ": " + detail);
    }

    // Runs the execution as far as it can go now, starting tasks and arming its next wake-up.
    void drive(Context& ctx, std::uint64_t id) {
        Run& run = runs_.at(id);
        sfn::Execution& ex = *run.ex;
        const SimTime now = ctx.now();
        if (c_.express && now - run.start >= minutes(5) && ex.status() == sfn::ExecutionStatus::Running)
            ex.stop(now.us, "States.Timeout", "Express workflows run for at most 5 minutes");
        for (int guard = 0; guard < 1000; ++guard) {
            sfn::Advance adv = ex.advance(now.us);
            for (std::uint64_t cancelled : ex.take_cancelled_tasks()) forget_task(id, cancelled);
            if (adv.kind == sfn::AdvanceKind::Finished) return finish(ctx, id);
            bool settled_now = false;
            for (const sfn::TaskRequest& t : adv.tasks) settled_now = start_task(ctx, id, run, t) || settled_now;
            SimTime wake = adv.wake_at_us ? SimTime{*adv.wake_at_us} : kNever;
            if (c_.express) wake = std::min(wake, run.start + minutes(5));
            if (!settled_now) {
                if (wake != kNever && wake < run.armed) {
                    run.armed = wake;
                    ctx.start_timer(std::max(SimTime{}, wake - now), id);
                }
                return;
            }
        }
    }

    // Sends a task to its node; true when it settled at once (it could not be sent).
    bool start_task(Context& ctx, std::uint64_t id, Run& run, const sfn::TaskRequest& t) {
        std::string why;
        auto target = sfn_tasks::parse_resource(t.resource, why);
        std::string node = target ? sfn_tasks::target_node(*target, t.input, why) : "";
        auto link = c_.targets.find(node);
        if (target && !node.empty() &&
            (link == c_.targets.end() || link->second->target_role != sfn_tasks::role_for(*target)))
            why =
                "'" + node + "' is not a " + sfn_tasks::node_type_for(*target) + " node wired from this state machine";
        if (!why.empty()) {
            const std::string error = target && target->kind == sfn_tasks::TaskTarget::LambdaInvoke
                                          ? "Lambda.ResourceNotFoundException"
                                          : "States.TaskFailed";
            run.ex->fail_task(t.id, error, why);
            return true;
        }
        const bool callback = target->pattern == sfn_tasks::Pattern::Callback;
        if (callback) tokens_[t.token] = {id, t.id};
        if (target->kind == sfn_tasks::TaskTarget::Unsimulated) {
            const std::uint64_t key = kUnsimulatedTimer | next_unsimulated_++;
            const SimTime after = sfn_tasks::unsimulated_is_job(*target) ? c_.job_latency.sample(ctx.rng())
                                                                         : c_.task_latency.sample(ctx.rng());
            ctx.start_timer(after, key);
            tasks_[key] = PendingTask{id, t.id, *target, ctx.now(), t.state_name, callback ? t.token : ""};
            return false;
        }
        Message m = ctx.derive(run.msg, "stepfunctions.task", LoopCount::Restart);
        Json req = sfn_tasks::request_for(*target, t.input);
        m.size_bytes = static_cast<std::int64_t>(req.dump().size());
        m.body = std::make_shared<const Json>(std::move(req));
        const std::uint64_t call = ctx.call(*link->second, std::move(m), c_.task_latency.sample(ctx.rng()));
        tasks_[call] = PendingTask{id, t.id, *target, ctx.now(), t.state_name, callback ? t.token : ""};
        return false;
    }

    void forget_task(std::uint64_t run, std::uint64_t task) {
        for (auto it = tokens_.begin(); it != tokens_.end(); ++it)
            if (it->second.first == run && it->second.second == task) {
                tokens_.erase(it);  // a late SendTask* answers TaskTimedOut
                break;
            }
        for (auto it = tasks_.begin(); it != tasks_.end(); ++it)
            if (it->second.run == run && it->second.task == task) {
                tasks_.erase(it);  // the node's late reply is ignored
                return;
            }
    }

    void finish(Context& ctx, std::uint64_t id) {
        auto it = runs_.find(id);
        Run& run = it->second;
        sfn::Execution& ex = *run.ex;
        const SimTime now = ctx.now();
        const std::int64_t transitions = ex.state_transitions();
        transitions_ += static_cast<std::uint64_t>(transitions);
        if (c_.express) {
            // The exact duration is rounded up to 100 ms (100.4 ms bills 200 ms); memory (definition
            // + payload) is billed in 64 MB chunks, at least one.
            const std::int64_t ms = ((now - run.start).us + 99'999) / 100'000 * 100;
            const std::int64_t bytes = c_.definition_bytes + static_cast<std::int64_t>(ex.output().dump().size());
            constexpr std::int64_t kChunk = 64LL * 1024 * 1024;
            const std::int64_t mb = std::max<std::int64_t>(1, (bytes + kChunk - 1) / kChunk) * 64;
            ctx.metrics().add_cost(
                static_cast<double>(ms) / 1000.0 * static_cast<double>(mb) / 1024.0 * price_table::kSfnExpressGbSecond,
                now);
        } else {
            ctx.metrics().add_cost(ctx.billable(FreeMeter::StepFunctionsTransitions, static_cast<double>(transitions)) *
                                       price_table::kSfnStandardTransition,
                                   now);
        }
        const bool ok = ex.status() == sfn::ExecutionStatus::Succeeded;
        (ok ? succeeded_ : failed_)++;
        ctx.metrics().observe_latency(now - run.start, now);
        if (!ok) {
            ctx.metrics().count(ex.status() == sfn::ExecutionStatus::TimedOut ? Counter::Timeouts : Counter::Errors,
                                now);
            ctx.note(&run.msg, Outcome::Error,
                     "execution " + ex.execution_arn() + " " + sfn::execution_status_name(ex.status()) + ": " +
                         ex.error().error + " " + ex.error().cause.value_or(""));
        }
        ctx.span(run.msg, c_.express ? "Express execution" : "Standard execution", run.start,
                 ok ? Outcome::Ok : Outcome::Error,
                 std::string(sfn::execution_status_name(ex.status())) + (ok ? "" : " " + ex.error().error) + ", " +
                     std::to_string(transitions) + " transitions");
        for (auto t = tokens_.begin(); t != tokens_.end();) t = t->second.first == id ? tokens_.erase(t) : std::next(t);
        if (run.caller.valid() && run.describe) {
            // A parent's .sync task: DescribeExecution's fields (stepfunctions_tasks.cpp shapes them).
            const double start_unix = static_cast<double>(ctx.start_unix_s());
            Json body = {
                {"executionArn", ex.execution_arn()},
                {"stateMachineArn", "arn:aws:states:us-east-1:123456789012:stateMachine:" + c_.name},
                {"name", "exec-" + std::to_string(id)},
                {"status", sfn::execution_status_name(ex.status())},
                {"startDate", start_unix + run.start.seconds()},
                {"stopDate", start_unix + now.seconds()},
                {"input", ex.history().empty() ? "{}" : ex.history().front().details.value("input", Json()).dump()}};
            if (ok)
                body["output"] = ex.output().dump();
            else {
                body["error"] = ex.error().error;
                if (ex.error().cause) body["cause"] = *ex.error().cause;
            }
            Reply r;
            r.body = std::make_shared<const Json>(std::move(body));
            ctx.reply(run.caller, std::move(r));
        } else if (run.caller.valid()) {
            Json body = {{"executionArn", ex.execution_arn()}, {"status", sfn::execution_status_name(ex.status())}};
            if (ok)
                body["output"] = ex.output().dump();
            else {
                body["error"] = ex.error().error;
                if (ex.error().cause) body["cause"] = *ex.error().cause;
            }
            Reply r;  // StartSyncExecution answers 200 whatever the execution's status
            r.body = std::make_shared<const Json>(std::move(body));
            ctx.reply(run.caller, std::move(r));
        }
        finished_.push_back(summary(run, true));
        if (finished_.size() > kKeptRuns) finished_.pop_front();
        runs_.erase(it);
        ctx.metrics().set_concurrency(static_cast<std::int64_t>(runs_.size()), now);
    }

    Json summary(const Run& run, bool with_history) const {
        const sfn::Execution& ex = *run.ex;
        Json j = {{"executionArn", ex.execution_arn()},
                  {"status", sfn::execution_status_name(ex.status())},
                  {"start_s", run.start.seconds()},
                  {"state_transitions", ex.state_transitions()}};
        if (ex.status() == sfn::ExecutionStatus::Succeeded)
            j["output"] = ex.output();
        else if (ex.status() != sfn::ExecutionStatus::Running)
            j["error"] = {{"Error", ex.error().error}, {"Cause", ex.error().cause.value_or("")}};
        if (with_history) {
            Json h = Json::array();
            for (const auto& e : ex.history()) {
                if (h.size() >= kKeptEventsPerRun) break;
                Json ev = {{"id", e.id},
                           {"previousEventId", e.previous_id},
                           {"type", e.type},
                           {"t_s", static_cast<double>(e.timestamp_us) / 1e6}};
                if (!e.state_name.empty()) ev["state"] = e.state_name;
                if (!e.details.is_null()) ev["details"] = e.details;
                h.push_back(std::move(ev));
            }
            j["history"] = std::move(h);
            j["history_events"] = ex.history().size();
        }
        return j;
    }

    Config c_;
    Rng* rng_ = nullptr;
    std::map<std::uint64_t, Run> runs_;
    std::map<std::uint64_t, PendingTask> tasks_;  // call id (or unsimulated timer tag) → task
    std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> tokens_;  // task token → (run, task)
    std::uint64_t next_unsimulated_ = 1;
    std::deque<Json> finished_;
    std::uint64_t next_run_ = 1, started_ = 0, succeeded_ = 0, failed_ = 0, transitions_ = 0;
    TokenBucket start_executions_{300, 1300};  // Standard StartExecution: 300/s, 1,300 burst
};

// Walks the raw definition to check each Task's Resource against the wiring, with JSON paths.
void check_tasks(BuildContext& ctx, const Json& def, const std::string& path, const Config& c) {
    if (!def.is_object() || !def.contains("States") || !def["States"].is_object()) return;
    for (auto it = def["States"].begin(); it != def["States"].end(); ++it) {
        const Json& st = it.value();
        const std::string sp = path + "/States/" + it.key();
        if (!st.is_object()) continue;
        if (st.value("Type", std::string()) == "Task" && st.contains("Resource") && st["Resource"].is_string()) {
            std::string why;
            auto target = sfn_tasks::parse_resource(st["Resource"].get<std::string>(), why);
            std::string node;
            if (target) {
                node = target->node;
                if (node.empty() && st.contains("Parameters") && st["Parameters"].is_object())
                    node = sfn_tasks::target_node(*target, st["Parameters"], why), why.clear();
            }
            auto link = c.targets.find(node);
            if (!target)
                ctx.diagnostics.error(sp + "/Resource", "state '" + it.key() + "': " + why);
            else if (c.express && target->pattern != sfn_tasks::Pattern::RequestResponse)
                ctx.diagnostics.error(sp + "/Resource",
                                      "state '" + it.key() +
                                          "': Express workflows do not support the .sync or .waitForTaskToken "
                                          "integration patterns",
                                      "use Type STANDARD, or the request-response form");
            else if (target->kind == sfn_tasks::TaskTarget::Unsimulated)
                ctx.diagnostics.warning(sp + "/Resource",
                                        "state '" + it.key() + "': " + sfn_tasks::unsimulated_note(*target));
            else if (!node.empty() &&
                     (link == c.targets.end() || link->second->target_role != sfn_tasks::role_for(*target)))
                ctx.diagnostics.error(sp + "/Resource",
                                      "state '" + it.key() + "': Task calls '" + node + "', which is not a " +
                                          sfn_tasks::node_type_for(*target) + " node wired from '" + ctx.spec.id + "'",
                                      "add an edge from " + ctx.spec.id + " to " + node);
            if (target && target->pattern == sfn_tasks::Pattern::Callback &&
                target->kind == sfn_tasks::TaskTarget::LambdaInvoke && !st.contains("TimeoutSeconds") &&
                !st.contains("TimeoutSecondsPath") && !st.contains("HeartbeatSeconds") &&
                !st.contains("HeartbeatSecondsPath"))
                ctx.diagnostics.warning(sp + "/Resource",
                                        "state '" + it.key() +
                                            "': a .waitForTaskToken task without TimeoutSeconds or HeartbeatSeconds "
                                            "waits up to a year when no callback comes",
                                        "set TimeoutSeconds (AWS recommends it for callbacks)");
        }
        if (st.contains("Branches") && st["Branches"].is_array())
            for (std::size_t b = 0; b < st["Branches"].size(); ++b)
                check_tasks(ctx, st["Branches"][b], sp + "/Branches/" + std::to_string(b), c);
        for (const char* k : {"ItemProcessor", "Iterator"})
            if (st.contains(k)) check_tasks(ctx, st[k], sp + "/" + k, c);
    }
}

std::unique_ptr<Service> create_state_machine(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    Config c;
    c.name = r.text("StateMachineName", ctx.spec.id);
    c.express = r.choice("Type", "STANDARD", {"STANDARD", "EXPRESS"}) == "EXPRESS";
    // The action API Gateway's integration calls (read by API Gateway through the contract's
    // api.action_key); checked here.
    const bool sync_from_api = r.choice("ApiAction", c.express ? "StartSyncExecution" : "StartExecution",
                                        {"StartExecution", "StartSyncExecution"}) == "StartSyncExecution";
    if (sync_from_api && !c.express)
        r.error("ApiAction",
                "ApiAction StartSyncExecution needs Type EXPRESS (AWS allows synchronous starts of Express workflows "
                "only)");
    c.task_latency = r.distribution("TaskLatencyMs", c.task_latency);
    c.job_latency = r.distribution("UnsimulatedJobMs", c.job_latency);
    for (const Link& l : ctx.links) c.targets[l.target_id] = &l;
    Json def;
    std::string def_key = "Definition";
    if (const Json* d = r.raw("Definition"))
        def = *d;
    else if (const Json* ds = r.raw("DefinitionString")) {
        def_key = "DefinitionString";
        def = ds->is_string() ? Json::parse(ds->get<std::string>(), nullptr, false) : *ds;
        if (def.is_discarded()) {
            r.error("DefinitionString", "DefinitionString is not valid JSON");
            return nullptr;
        }
    } else {
        r.error("Definition", "a state machine needs a Definition (an Amazon States Language object)");
        return nullptr;
    }
    r.raw("Role");
    r.raw("Events");
    r.raw("Logging");
    auto loaded = sfn::load_state_machine(def);
    const std::string base = r.path_of(def_key);
    for (const auto& e : loaded.errors) ctx.diagnostics.error(base + e.path, e.message);
    if (!loaded.ok()) return nullptr;
    c.machine = loaded.machine;
    c.definition_bytes = static_cast<std::int64_t>(def.dump().size());
    check_tasks(ctx, def, base, c);
    return std::make_unique<StateMachine>(std::move(c));
}

}  // namespace

std::string sfn_task_token_node(const std::string& token) {
    const std::string prefix = kTokenPrefix;
    if (token.rfind(prefix, 0) != 0) return {};
    const auto end = token.find('/', prefix.size());
    return end == std::string::npos ? std::string() : token.substr(prefix.size(), end - prefix.size());
}

ServiceKind stepfunctions_kind() {
    ServiceKind k;
    k.iot_rule_action = "stepFunctions";
    k.type = "stepfunctions";
    k.role = ServiceRole::StateMachine;
    k.label = "Step Functions";
    k.group = "orchestration";
    k.description =
        "State machines in Amazon States Language: retries, catches, waits, parallel and map, in virtual time";
    k.ports = {PortSpec::to(
        "out", "Task integrations",
        {ServiceRole::Function, ServiceRole::Table, ServiceRole::Topic, ServiceRole::Queue, ServiceRole::EventBus,
         ServiceRole::StateMachine, ServiceRole::ObjectStore, ServiceRole::Stream, ServiceRole::DeliveryStream},
        "Task states call Lambda, DynamoDB, SNS, SQS, EventBridge or another state machine; "
        "aws-sdk tasks also S3, Kinesis and Firehose")};
    k.operations = stepfunctions_operations();
    k.api = ApiIntegration::call("StartExecution", "input", "ApiAction");
    k.errors = stepfunctions_errors();
    k.create = create_state_machine;
    k.icon = "stepfunctions";
    k.shape = DiagramShape::Box;
    // https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html
    k.cfn = {{"AWS::Serverless::StateMachine",
              {"Definition", "DefinitionUri", "DefinitionSubstitutions", "Events", "Logging", "Name", "Policies",
               "Role", "Tracing", "Type", "Tags"},
              "",
              "",
              {"AWS::StepFunctions::StateMachine"}}};
    k.sample = Json{{"orderId", "order-1"}, {"total", 42}};
    k.cfn[0].ref_is_arn = true;
    k.cfn[0].call_policy = {"StepFunctionsExecutionPolicy", "StateMachineName", "Name"};
    return k;
}

}  // namespace sim::svc
