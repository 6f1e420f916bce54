# Decision point `finops.deploy`: asked before every deploy, promotion and
# roll-back. Any violation refuses it (allow = false); the pipelines plugin
# and the health plugin supply the facts (approver, freeze windows, open
# violations, error budget), so a fact that is unknown refuses too.
#
# input: {"entity": {...}, "environment": str, "version": str,
#         "action": "deploy" | "promote" | "rollback" | "rerun",
#         "deployer": user ref, "approver": user ref | null,
#         "commit_authors": [user ref] (who wrote the commits shipped),
#         "sox_scoped": bool, "now_ns": number,
#         "freeze_windows": [{"start_ns", "end_ns", "environments", "reason"}],
#         "open_violations": [{"rule", "severity", "excepted"}],
#         "slo_declared": bool (false: the entity declares no SLO, so it has
#                          no error budget to spend; missing counts as true),
#         "error_budget_remaining": number (0..1) | null,
#         "exceptions": [{"rule": id}]}
package finops.deploy

import data.finops.lib

change_management := ["SOX ITGC change management", "SOC 2 CC8.1", "PCI-DSS 6.5.1"]

rules := {
	"DEP-APPROVAL-001": {
		"title": "Production deploys are approved",
		"severity": "critical",
		"remediation": "Ask a colleague who did not write the change to approve the deploy.",
		"frameworks": change_management,
		"enforcing": true,
	},
	"DEP-SOD-001": {
		"title": "Nobody approves their own deploy",
		"severity": "critical",
		"remediation": "Ask someone other than the deployer to approve.",
		"frameworks": change_management,
		"enforcing": true,
	},
	"DEP-SOD-002": {
		"title": "Nobody approves their own change",
		"severity": "critical",
		"remediation": "Ask someone other than the commit author to approve.",
		"frameworks": change_management,
		"enforcing": true,
	},
	"DEP-SOX-001": {
		"title": "SOX-scoped changes are deployed by someone other than their author",
		"severity": "critical",
		"remediation": "Ask a colleague who did not write the change to run the deploy.",
		"frameworks": ["SOX ITGC change management", "SOC 2 CC8.1"],
		"enforcing": true,
	},
	"DEP-FREEZE-001": {
		"title": "No deploys during a change freeze",
		"severity": "high",
		"remediation": "Deploy after the freeze window ends, or request an exception with the change advisory board's approval.",
		"frameworks": ["SOX ITGC change management", "SOC 2 CC8.1"],
		"enforcing": true,
	},
	"DEP-VIOLATION-001": {
		"title": "No deploy with an open critical violation",
		"severity": "critical",
		"remediation": "Fix the critical violations shown on the entity's Compliance tab, or have an exception approved for them.",
		"frameworks": ["SOC 2 CC7.1", "SOC 2 CC8.1", "PCI-DSS 6.3"],
		"enforcing": true,
	},
	"DEP-BUDGET-001": {
		"title": "Production promotion only with error budget left",
		"severity": "high",
		"remediation": "Spend the next changes on reliability until the SLO's error budget recovers, or check that the service's SLO metrics are reachable.",
		"frameworks": ["SOC 2 A1.1", "SOC 2 CC7.2"],
		"enforcing": true,
	},
}

default allow := false

allow if count(violations) == 0

violations contains v if {
	some v in fired
	not v.rule in exception_ids
}

excepted contains v.rule if {
	some v in fired
	v.rule in exception_ids
}

exception_ids := lib.excepted_rule_ids(object.get(input, "exceptions", []))

environment := lower(input.environment)

production if environment == "production"

user(field) := lib.entity_ref(input[field], "user", "default")

fired contains lib.violation(rules, "DEP-APPROVAL-001", "a production deploy needs an approver") if {
	production
	not user("approver")
}

fired contains lib.violation(rules, "DEP-SOD-001", message) if {
	production
	user("approver") == user("deployer")
	message := concat("", [user("deployer"), " cannot approve their own deploy"])
}

authors := {ref |
	some author in object.get(input, "commit_authors", [])
	ref := lib.entity_ref(author, "user", "default")
}

fired contains lib.violation(rules, "DEP-SOD-002", message) if {
	production
	user("approver") in authors
	message := concat("", [user("approver"), " cannot approve a change they authored"])
}

# Without the authors neither the approver nor the deployer can be told
# apart from them: production refuses rather than guessing.
fired contains lib.violation(rules, "DEP-SOD-002", message) if {
	production
	count(authors) == 0
	message := "the authors of this change are unknown, so separation of duties cannot be checked"
}

# Developers deploy their own changes to dev and staging; SOX's segregation
# of duties is about what reaches production.
fired contains lib.violation(rules, "DEP-SOX-001", message) if {
	production
	input.sox_scoped == true
	user("deployer") in authors
	message := concat("", [user("deployer"), " authored this change and cannot deploy it: the system is SOX-scoped"])
}

# A window without environments freezes every environment.
freezes(window) if {
	environment in {lower(e) | some e in window.environments}
}

freezes(window) if count(object.get(window, "environments", [])) == 0

fired contains lib.violation(rules, "DEP-FREEZE-001", message) if {
	some window in object.get(input, "freeze_windows", [])
	freezes(window)
	window.start_ns <= input.now_ns
	input.now_ns < window.end_ns
	message := concat("", [environment, " is in a change freeze: ", lib.text(object.get(window, "reason", "no reason given"))])
}

fired contains lib.violation(rules, "DEP-FREEZE-001", message) if {
	count(object.get(input, "freeze_windows", [])) > 0
	not is_number(object.get(input, "now_ns", null))
	message := "the current time is unknown, so the change freeze windows cannot be checked"
}

open_critical contains lib.text(v.rule) if {
	some v in object.get(input, "open_violations", [])
	v.severity == "critical"
	object.get(v, "excepted", false) != true
}

fired contains lib.violation(rules, "DEP-VIOLATION-001", message) if {
	count(open_critical) > 0
	message := concat("", ["open critical violations without an active exception: ", concat(", ", sort(open_critical))])
}

error_budget := object.get(input, "error_budget_remaining", null)

# Only an explicit false exempts: an entity without SLOs has no budget.
budgeted if object.get(input, "slo_declared", true) != false

fired contains lib.violation(rules, "DEP-BUDGET-001", "the error budget is exhausted") if {
	production
	budgeted
	is_number(error_budget)
	error_budget <= 0
}

fired contains lib.violation(rules, "DEP-BUDGET-001", message) if {
	production
	budgeted
	not is_number(error_budget)
	message := "the error budget could not be read, so production promotion is refused"
}
