// test_quizzes.cpp — quiz questions: every shipped question loads, every option runs, and the
// option marked as the answer measurably wins on the question's deciding measure (so a quiz never
// claims a winner the simulation does not show); bad files give diagnostics with paths.
#include "challenge/quiz.h"
#include "support/test_support.h"

#include <filesystem>

using namespace sim;
using namespace sim::challenge;
using sim::test::has_error;
using sim::test::repo_file;

namespace {

FileReader repo_reader() {
    return [](const std::string& path) -> std::optional<std::string> {
        if (!std::filesystem::exists(std::string(SLSIM_SOURCE_DIR) + "/" + path)) return std::nullopt;
        return repo_file(path);
    };
}

QuizLoad load_shipped(const std::string& id) {
    return load_quiz(repo_file("patterns/quizzes/" + id + ".json"), "patterns/quizzes", repo_reader());
}

const char* kMinimal = R"({
  "format": "serverless-playground-quiz/1", "id": "q", "title": "t", "question": "which?",
  "run": { "duration": "10m", "traffic": [ { "id": "r", "source": "c", "profile": { "type": "constant", "rps": 20 } } ] },
  "measures": ["failed_pct", "cost_usd"], "decide": "failed_pct", "answer": "a",
  "options": [
    { "id": "a", "text": "direct", "why": "{failed_pct} failed", "pattern": {
      "nodes": [ { "id": "c", "type": "client" }, { "id": "f", "type": "lambda", "config": {} } ],
      "edges": [ { "from": "c", "to": "f" } ] } },
    { "id": "b", "text": "failing", "why": "{failed_pct} failed, cost {cost_usd}", "pattern": {
      "nodes": [ { "id": "c", "type": "client" }, { "id": "f", "type": "lambda", "config": { "ErrorRate": 0.5 } } ],
      "edges": [ { "from": "c", "to": "f" } ] } }
  ] })";

}  // namespace

TEST_SUITE("quiz") {
    TEST_CASE("join_path resolves designs relative to the quiz file") {
        CHECK(join_path("patterns/quizzes", "../challenges/solutions/x.json") ==
              "patterns/challenges/solutions/x.json");
        CHECK(join_path("patterns/quizzes", "designs/./a.json") == "patterns/quizzes/designs/a.json");
        CHECK(join_path("patterns/quizzes", "/abs/b.json") == "abs/b.json");
    }

    TEST_CASE("an inline quiz runs both options and the option without errors wins on failed requests") {
        QuizLoad q = load_quiz(kMinimal, "", {});
        for (const auto& d : q.diagnostics.items()) MESSAGE(format_diagnostic(d));
        REQUIRE(q.ok());
        const QuizResult r = evaluate_quiz(q.quiz);
        REQUIRE(r.options.size() == 2);
        CHECK(r.options[0].ran);
        CHECK(r.options[1].ran);
        CHECK(r.options[0].values.at("failed_pct") == 0);
        CHECK(r.options[1].values.at("failed_pct") > 30);
        CHECK(r.options[1].values.at("failed_pct") < 70);
        CHECK(r.best == "a");
        CHECK(r.answer_is_best());
        // The explanation carries the measured number, not a typed-in one.
        CHECK(r.options[1].why ==
              r.options[1].shown.at("failed_pct") + " failed, cost " + r.options[1].shown.at("cost_usd"));
    }

    TEST_CASE("evaluating in small event budgets gives the same numbers as one call") {
        QuizLoad q = load_quiz(kMinimal, "", {});
        REQUIRE(q.ok());
        const QuizResult whole = evaluate_quiz(q.quiz);
        QuizEvaluation e(q.quiz);
        int slices = 0;
        double last_progress = 0;
        while (!e.advance(500)) {
            ++slices;
            CHECK(e.progress() >= last_progress);
            last_progress = e.progress();
        }
        CHECK(slices > 2);
        const QuizResult sliced = e.result();
        REQUIRE(sliced.options.size() == whole.options.size());
        for (std::size_t i = 0; i < whole.options.size(); ++i)
            CHECK(sliced.options[i].values == whole.options[i].values);
    }

    TEST_CASE("bad quiz files give diagnostics with paths") {
        Json j = Json::parse(kMinimal);
        SUBCASE("missing design file") {
            j["options"][0].erase("pattern");
            j["options"][0]["design"] = "nope.json";
            QuizLoad q = load_quiz(j.dump(), "patterns/quizzes", repo_reader());
            CHECK(has_error(q.diagnostics, "/options/0/design", "no design file \"patterns/quizzes/nope.json\""));
        }
        SUBCASE("unknown measure") {
            j["measures"][1] = "speed";
            QuizLoad q = load_quiz(j.dump(), "", {});
            CHECK(has_error(q.diagnostics, "/measures/1", "unknown measure \"speed\""));
        }
        SUBCASE("decide names no measure") {
            j["decide"] = "p99_ms";
            QuizLoad q = load_quiz(j.dump(), "", {});
            CHECK(has_error(q.diagnostics, "/decide", "decide names no measure of this quiz: \"p99_ms\""));
        }
        SUBCASE("answer names no option") {
            j["answer"] = "z";
            QuizLoad q = load_quiz(j.dump(), "", {});
            CHECK(has_error(q.diagnostics, "/answer", "answer names no option: \"z\""));
        }
        SUBCASE("a design without the traffic's source") {
            j["options"][1]["pattern"]["nodes"][0]["id"] = "users";
            j["options"][1]["pattern"]["edges"][0]["from"] = "users";
            QuizLoad q = load_quiz(j.dump(), "", {});
            CHECK(has_error(q.diagnostics, "/options/1/design",
                            "the design has no node 'c', which the quiz's traffic comes from"));
        }
        SUBCASE("a set action on a missing node") {
            j["options"][1]["set"] = Json::array({{{"node", "ghost"}, {"config", {{"MemorySize", 256}}}}});
            QuizLoad q = load_quiz(j.dump(), "", {});
            CHECK(!q.ok());
        }
        SUBCASE("not JSON") {
            QuizLoad q = load_quiz("{", "", {});
            // The end of input after '{' is column 2, where a key was expected.
            CHECK(has_error(q.diagnostics, "",
                            "the quiz is not valid JSON: line 1, column 2: syntax error while parsing object key - "
                            "unexpected end of input; expected string literal"));
            CHECK(has_error(load_quiz("[]", "", {}).diagnostics, "", "the quiz is not a valid JSON object"));
        }
    }

    // Each shipped question: its answer wins on the deciding measure, every other option loses or
    // misses a requirement — measured, printed, and asserted.
    TEST_CASE("shipped quiz questions: the answer measurably wins") {
        const std::vector<std::string> ids = {"decouple-with-sqs",      "lambda-vs-ec2-spiky", "steady-high-volume",
                                              "dynamodb-capacity-mode", "sns-fan-out",         "order-workflow-retry"};
        std::size_t on_disk = 0;
        for (const auto& entry :
             std::filesystem::directory_iterator(std::string(SLSIM_SOURCE_DIR) + "/patterns/quizzes"))
            on_disk += entry.path().extension() == ".json";
        CHECK(on_disk == ids.size());
        for (const auto& id : ids) {
            CAPTURE(id);
            QuizLoad q = load_shipped(id);
            for (const auto& d : q.diagnostics.items()) MESSAGE(format_diagnostic(d));
            REQUIRE(q.ok());
            CHECK(q.diagnostics.empty());
            CHECK(q.quiz.id == id);
            const QuizResult r = evaluate_quiz(q.quiz);
            const QuizMeasure& m = *q.quiz.find_measure(q.quiz.decide);
            const OptionResult* answer = nullptr;
            for (const auto& o : r.options) {
                MESSAGE(id << " " << o.id << ": " << m.id << " = " << o.shown.at(m.id)
                           << (o.unmet.empty() ? "" : " (misses: " + o.unmet[0] + ")") << " — " << o.why);
                CHECK(o.ran);
                CHECK(o.problem.empty());
                CHECK(o.why.find('{') == std::string::npos);  // every placeholder filled
                if (o.id == q.quiz.answer) answer = &o;
            }
            REQUIRE(answer != nullptr);
            CHECK(answer->unmet.empty());
            CHECK(r.best == q.quiz.answer);
            for (const auto& o : r.options) {
                if (&o == answer || !o.unmet.empty()) continue;
                const double a = answer->values.at(m.id), b = o.values.at(m.id);
                if (m.better == "lower")
                    CHECK(a < b);
                else
                    CHECK(a > b);
            }
        }
    }

    // Step Functions: a Retry on the flaky payment task is what saves the orders. A Catch alone, or a
    // Lambda function calling the others synchronously, loses every failed charge.
    TEST_CASE("order-workflow-retry: the Retry saves the failed charges, the Catch only reports them") {
        QuizLoad q = load_shipped("order-workflow-retry");
        REQUIRE(q.ok());
        const QuizResult r = evaluate_quiz(q.quiz);
        REQUIRE(r.options.size() == 3);
        const auto& retry = r.options[0].values;         // a: Standard workflow, Retry + Catch
        const auto& orchestrator = r.options[1].values;  // b: one Lambda invoking the others
        const auto& catch_only = r.options[2].values;    // c: Standard workflow, Catch, no Retry
        for (const auto& o : r.options) MESSAGE(o.id << ": " << o.why);
        // Every option met the same flaky payment function (ErrorRate 0.15) ...
        for (const auto* v : {&retry, &orchestrator, &catch_only}) CHECK(v->at("charge_errors") > 40);
        // ... but only the Retry turned nearly every failed charge into a saved order.
        const double orders =
            catch_only.at("orders_saved") + catch_only.at("alerts");  // every order ends saved or caught
        CHECK(orders > 500);
        CHECK(retry.at("orders_saved") + retry.at("alerts") == orders);
        CHECK(retry.at("orders_saved") >= orders * 0.99);
        CHECK(retry.at("charge_errors") >
              catch_only.at("charge_errors"));  // the retried attempts were real invocations
        // Without a Retry, each payment error ends its order in the Catch (an alert), not in the table.
        CHECK(catch_only.at("alerts") == catch_only.at("charge_errors"));
        CHECK(catch_only.at("orders_saved") < orders * 0.92);
        CHECK(catch_only.at("failed_pct") == 0);  // the API accepted every order; the loss is in the workflow
        // The orchestrator fails the request instead, tells no one, and is billed while it waits.
        CHECK(orchestrator.at("orders_saved") < orders * 0.92);
        CHECK(orchestrator.at("failed_pct") > 8);
        CHECK(orchestrator.at("alerts") == 0);
        CHECK(orchestrator.at("lambda_gb_s") > 1.5 * retry.at("lambda_gb_s"));
        // Standard workflows bill every state transition, retries included: the reliable design costs more.
        CHECK(retry.at("cost_usd") > orchestrator.at("cost_usd"));
        CHECK(r.best == "a");
    }

}  // TEST_SUITE
