# `with` is used only in test bodies: a function that uses it does not
# compile with `opa build -t wasm` (the tests are part of that build).
package finops.deploy_test

import data.finops.deploy

now := 1795348800000000000

hour := 3600000000000

base := {
	"entity": {"kind": "Component", "metadata": {"name": "card-payments"}},
	"environment": "production",
	"version": "1.4.2",
	"deployer": "user:default/ana",
	"approver": "user:default/ben",
	"commit_authors": ["user:default/carla", "user:default/dan"],
	"sox_scoped": true,
	"now_ns": now,
	"freeze_windows": [],
	"open_violations": [],
	"error_budget_remaining": 0.4,
	"exceptions": [],
}

request(changes) := object.union(base, changes)

ids(violations) := {v.rule | some v in violations}

messages(violations, rule) := {v.message | some v in violations; v.rule == rule}

test_valid_deploy_allowed if {
	count(deploy.violations) == 0 with input as base
	deploy.allow with input as base
}

# DEP-APPROVAL-001

test_production_with_approver_allowed if {
	not "DEP-APPROVAL-001" in ids(deploy.violations) with input as request({})
}

test_production_without_approver_denied if {
	every approver in [null, "", "  "] {
		messages(deploy.violations, "DEP-APPROVAL-001") == {"a production deploy needs an approver"} with input as request({"approver": approver})
	}
	not deploy.allow with input as request({"approver": null})
}

test_staging_needs_no_approver if {
	count(ids(deploy.violations)) == 0 with input as request({"environment": "staging", "approver": null})
}

# DEP-SOD-001

test_approver_is_not_deployer_allowed if {
	not "DEP-SOD-001" in ids(deploy.violations) with input as request({})
}

test_self_approval_denied if {
	messages(deploy.violations, "DEP-SOD-001") == {"user:default/ana cannot approve their own deploy"} with input as request({"approver": "user:ana"})
}

# DEP-SOD-002

test_approver_is_not_author_allowed if {
	not "DEP-SOD-002" in ids(deploy.violations) with input as request({"sox_scoped": false})
}

test_author_approval_denied if {
	messages(deploy.violations, "DEP-SOD-002") == {"user:default/carla cannot approve a change they authored"} with input as request({"approver": "User:Default/Carla"})
	messages(deploy.violations, "DEP-SOD-002") == {"user:default/dan cannot approve a change they authored"} with input as request({"approver": "dan"})
}

test_unknown_authors_denied_in_production if {
	every authors in [[], [null, 7, ""]] {
		messages(deploy.violations, "DEP-SOD-002") == {"the authors of this change are unknown, so separation of duties cannot be checked"} with input as request({"commit_authors": authors})
	}
	missing := json.remove(base, ["commit_authors"])
	"DEP-SOD-002" in ids(deploy.violations) with input as missing
	not "DEP-SOD-002" in ids(deploy.violations) with input as request({"commit_authors": [], "environment": "staging"})
}

# DEP-SOX-001

test_author_deploys_outside_sox_allowed if {
	not "DEP-SOX-001" in ids(deploy.violations) with input as request({"commit_authors": ["user:default/ana"], "sox_scoped": false})
	not "DEP-SOX-001" in ids(deploy.violations) with input as request({"commit_authors": ["user:default/ana"], "environment": "dev"})
}

test_author_deploys_sox_denied if {
	messages(deploy.violations, "DEP-SOX-001") == {"user:default/ana authored this change and cannot deploy it: the system is SOX-scoped"} with input as request({"commit_authors": ["carla", "user:default/ana"]})
}

# DEP-FREEZE-001

test_outside_freeze_allowed if {
	windows := [
		{"start_ns": now + hour, "end_ns": now + (2 * hour), "environments": ["production"], "reason": "later"},
		{"start_ns": now - (2 * hour), "end_ns": now, "environments": ["production"], "reason": "ended"},
		{"start_ns": now - hour, "end_ns": now + hour, "environments": ["staging"], "reason": "other environment"},
	]
	not "DEP-FREEZE-001" in ids(deploy.violations) with input as request({"freeze_windows": windows})
}

test_inside_freeze_denied if {
	window := {"start_ns": now - hour, "end_ns": now + hour, "environments": ["production"], "reason": "quarter close"}
	messages(deploy.violations, "DEP-FREEZE-001") == {"production is in a change freeze: quarter close"} with input as request({"freeze_windows": [window]})
	not deploy.allow with input as request({"freeze_windows": [window]})
}

test_freeze_without_environments_covers_all if {
	window := {"start_ns": now, "end_ns": now + hour}
	messages(deploy.violations, "DEP-FREEZE-001") == {"dev is in a change freeze: no reason given"} with input as request({"environment": "dev", "freeze_windows": [window]})
}

test_freeze_with_unknown_time_denied if {
	window := {"start_ns": now, "end_ns": now + hour, "environments": ["production"]}
	timeless := object.union(json.remove(base, ["now_ns"]), {"freeze_windows": [window]})
	messages(deploy.violations, "DEP-FREEZE-001") == {"the current time is unknown, so the change freeze windows cannot be checked"} with input as timeless
}

# DEP-VIOLATION-001

test_excepted_or_minor_violations_allowed if {
	open := [
		{"rule": "CAT-PCI-001", "severity": "critical", "excepted": true},
		{"rule": "CAT-SLO-001", "severity": "medium", "excepted": false},
	]
	not "DEP-VIOLATION-001" in ids(deploy.violations) with input as request({"open_violations": open})
}

test_open_critical_violation_denied if {
	open := [
		{"rule": "CAT-PCI-001", "severity": "critical", "excepted": false},
		{"rule": "CAT-OWNER-001", "severity": "critical"},
	]
	messages(deploy.violations, "DEP-VIOLATION-001") == {"open critical violations without an active exception: CAT-OWNER-001, CAT-PCI-001"} with input as request({"open_violations": open})
	not deploy.allow with input as request({"environment": "dev", "open_violations": open})
}

# DEP-BUDGET-001

test_error_budget_left_allowed if {
	not "DEP-BUDGET-001" in ids(deploy.violations) with input as request({"error_budget_remaining": 0.01})
	not "DEP-BUDGET-001" in ids(deploy.violations) with input as request({"environment": "staging", "error_budget_remaining": null})
}

test_no_slo_means_no_budget if {
	not "DEP-BUDGET-001" in ids(deploy.violations) with input as request({"slo_declared": false, "error_budget_remaining": null})
	"DEP-BUDGET-001" in ids(deploy.violations) with input as request({"slo_declared": "no", "error_budget_remaining": null})
	"DEP-BUDGET-001" in ids(deploy.violations) with input as request({"slo_declared": true, "error_budget_remaining": 0})
}

test_error_budget_exhausted_denied if {
	every budget in [0, -0.2] {
		messages(deploy.violations, "DEP-BUDGET-001") == {"the error budget is exhausted"} with input as request({"error_budget_remaining": budget})
	}
}

test_error_budget_unknown_denied if {
	violations := deploy.violations with input as request({"error_budget_remaining": null})
	some v in violations
	v.rule == "DEP-BUDGET-001"
	v.severity == "high"
	v.message == "the error budget could not be read, so production promotion is refused"
	"DEP-BUDGET-001" in ids(deploy.violations) with input as request({"error_budget_remaining": "n/a"})
}

# Exceptions

test_exception_suppresses_rule if {
	window := {"start_ns": now - hour, "end_ns": now + hour, "environments": ["production"], "reason": "quarter close"}
	frozen := request({"freeze_windows": [window], "exceptions": [{"rule": "DEP-FREEZE-001"}]})
	count(deploy.violations) == 0 with input as frozen
	deploy.excepted == {"DEP-FREEZE-001"} with input as frozen
	deploy.allow with input as frozen
}
