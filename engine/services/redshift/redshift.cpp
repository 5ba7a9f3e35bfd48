// redshift.cpp — the Redshift Serverless warehouse and its contract. The whole service is this
// folder plus one registry line (docs/ADDING-A-SERVICE.md uses it as the worked example).
#include "services/redshift/redshift.h"

#include "pattern/config_reader.h"
#include "prices/price_table.h"

#include <algorithm>

namespace sim::svc {
namespace {

// A failed statement or COPY (ErrorRate).
constexpr ErrorSpec kRedshiftInternalError{"InternalError", 500, ErrorClass::Server};

// Modelled: [x] COPY / ExecuteStatement latency and errors  [x] Serverless RPU-seconds billing,
//           60 s minimum per statement, $0.375 per RPU-hour (unverified)
// Not modelled: [ ] concurrency scaling  [ ] provisioned clusters  [ ] storage
class Warehouse final : public Service {
public:
    Warehouse(Distribution latency, double error_rate, int rpus)
        : latency_(latency), error_rate_(error_rate), rpus_(rpus) {}

    void on_message(Context& ctx, const Inbound& in) override {
        const SimTime now = ctx.now();
        ctx.metrics().count(Counter::Invocations, now);
        const SimTime d = latency_.sample(ctx.rng());
        ctx.metrics().observe_latency(d, now);
        ctx.metrics().add_cost(
            static_cast<double>(rpus_) * std::max(60.0, d.seconds()) / 3600.0 * price_table::kRedshiftRpuHour, now);
        Reply r;
        if (ctx.rng().chance(error_rate_)) {
            r = Reply::failure(kRedshiftInternalError, "COPY failed (ErrorRate)");
            ctx.metrics().count(Counter::Errors, now);
        } else if (in.msg.body && in.msg.body->is_object()) {
            rows_ += in.msg.body->value("Rows", std::uint64_t{0});
            ++loads_;
        }
        ctx.span(in.msg, "COPY", now, r.ok() ? Outcome::Ok : Outcome::Error, r.detail);
        if (in.caller.valid()) ctx.reply(in.caller, std::move(r), d);
    }
    void report(Json& out) const override {
        out["loads"] = loads_;
        out["rows_loaded"] = rows_;
    }

private:
    Distribution latency_;
    double error_rate_;
    int rpus_;
    std::uint64_t loads_ = 0, rows_ = 0;
};

std::unique_ptr<Service> create_redshift(BuildContext& ctx) {
    ConfigReader& r = ctx.config;
    const Distribution latency = r.distribution("LatencyMs", Distribution::lognormal(3000, 12000));
    const double err = r.number("ErrorRate", 0, 0, 1, "");
    const int rpus = static_cast<int>(r.integer("BaseCapacity", 8, 8, 512, "RPU"));
    r.raw("WorkgroupName");
    r.raw("DatabaseName");
    return std::make_unique<Warehouse>(latency, err, rpus);
}

// The Redshift Data API's ExecuteStatement (Redshift Data API Reference).
std::vector<OperationSpec> redshift_operations() {
    using T = FieldType;
    return {{"ExecuteStatement",
             {{"Sql", T::String, true},
              {"WorkgroupName", T::String},
              {"ClusterIdentifier", T::String},
              {"Database", T::String},
              {"SecretArn", T::String},
              {"Parameters", T::Array}},
             {{"Id", T::String}, {"CreatedAt", T::String}, {"Database", T::String}, {"WorkgroupName", T::String}},
             {kRedshiftInternalError.code},
             ""}};
}

std::vector<ErrorSpec> redshift_errors() {
    return {kRedshiftInternalError};
}

}  // namespace

ServiceKind redshift_kind() {
    ServiceKind k;
    k.type = "redshift";
    k.role = ServiceRole::Warehouse;
    k.label = "Redshift";
    k.group = "data";
    k.description = "Data warehouse loaded with COPY from S3";
    k.operations = redshift_operations();
    k.errors = redshift_errors();
    k.create = create_redshift;
    k.icon = "redshift";
    k.shape = DiagramShape::Store;
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshiftserverless-workgroup.html
    k.cfn = {{"AWS::RedshiftServerless::Workgroup", {"WorkgroupName", "BaseCapacity", "MaxCapacity", "NamespaceName"}}};
    k.sample = {{"id", "event-1"}};
    // A workgroup belongs to a namespace.
    k.cfn[0].complete = redshift_cfn_complete;  // null in the page, which never exports (redshift_cfn.cpp)
    return k;
}

}  // namespace sim::svc
