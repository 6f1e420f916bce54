# `with` is used only in test bodies: a function that uses it does not
# compile with `opa build -t wasm` (the tests are part of that build).
package finops.secrets_test

import data.finops.secrets

base := {
	"entity": {"kind": "Component", "metadata": {"name": "card-payments"}},
	"action": "provision",
	"environment": "production",
	"data_classification": "restricted",
	"pci_scoped": false,
	"requester": "user:default/ana",
	"approver": "user:default/ben",
	"secrets": [
		{"path": "kv/card-payments/db", "age_days": 12},
		{"path": "kv/card-payments/new", "age_days": null},
	],
	"max_age_days": 90,
	"exceptions": [],
}

request(changes) := object.union(base, changes)

ids(violations) := {v.rule | some v in violations}

messages(violations, rule) := {v.message | some v in violations; v.rule == rule}

test_valid_request_allowed if {
	count(secrets.violations) == 0 with input as base
	count(secrets.excepted) == 0 with input as base
	secrets.allow with input as base
	secrets.allow with input as request({"action": "rotate"})
}

test_every_rule_is_declared if {
	secrets.rules["SEC-ROTATION-001"].enforcing == false
	every id in ["SEC-APPROVAL-001", "SEC-SOD-001", "SEC-INPUT-001"] {
		secrets.rules[id].enforcing == true
	}
}

# SEC-APPROVAL-001

test_approved_restricted_production_allowed if {
	not "SEC-APPROVAL-001" in ids(secrets.violations) with input as request({"environment": "Production"})
	secrets.allow with input as request({"environment": "Production"})
}

test_unapproved_restricted_production_denied if {
	every approver in [null, "", "  "] {
		messages(secrets.violations, "SEC-APPROVAL-001") == {"production secrets need an approver: the data is restricted"} with input as request({"approver": approver})
	}
	not secrets.allow with input as request({"approver": null})
	"SEC-APPROVAL-001" in ids(secrets.violations) with input as json.remove(base, ["approver"])
}

test_non_production_needs_no_approver if {
	every environment in ["development", "staging", "Staging"] {
		count(secrets.violations) == 0 with input as request({"environment": environment, "approver": null, "pci_scoped": true, "data_classification": null})
		secrets.allow with input as request({"environment": environment, "approver": null, "pci_scoped": true, "data_classification": null})
	}
}

test_production_of_less_sensitive_data_needs_no_approver if {
	every classification in ["public", "internal", "confidential", "Confidential "] {
		count(secrets.violations) == 0 with input as request({"approver": null, "data_classification": classification})
	}
}

test_pci_scoped_production_denied_without_approver if {
	messages(secrets.violations, "SEC-APPROVAL-001") == {"production secrets need an approver: the service is PCI-scoped"} with input as request({"approver": null, "data_classification": "internal", "pci_scoped": true})
	messages(secrets.violations, "SEC-APPROVAL-001") == {"production secrets need an approver: the data is restricted and the service is PCI-scoped"} with input as request({"approver": null, "pci_scoped": true})
	secrets.allow with input as request({"data_classification": "internal", "pci_scoped": true})
}

test_unknown_classification_in_production_denied_without_approver if {
	message := "production secrets need an approver: the data classification is unknown, so it counts as restricted"
	every classification in [null, "", "secret", 3] {
		messages(secrets.violations, "SEC-APPROVAL-001") == {message} with input as request({"approver": null, "data_classification": classification})
	}
	messages(secrets.violations, "SEC-APPROVAL-001") == {message} with input as json.remove(base, ["approver", "data_classification"])
	not secrets.allow with input as request({"approver": null, "data_classification": null})
	secrets.allow with input as request({"data_classification": null})
}

# SEC-SOD-001

test_approver_is_not_requester_allowed if {
	not "SEC-SOD-001" in ids(secrets.violations) with input as base
	not "SEC-SOD-001" in ids(secrets.violations) with input as request({"approver": null, "requester": null, "environment": "staging"})
}

test_self_approval_denied if {
	every approver in ["user:ana", "User:Default/Ana", "ana"] {
		messages(secrets.violations, "SEC-SOD-001") == {"user:default/ana cannot approve their own secret request"} with input as request({"approver": approver})
		not secrets.allow with input as request({"approver": approver})
	}
	"SEC-SOD-001" in ids(secrets.violations) with input as request({"approver": "ana", "environment": "development", "data_classification": "public"})
}

test_unknown_requester_denied_when_approved if {
	every requester in [null, "", "not a ref!", 7] {
		messages(secrets.violations, "SEC-SOD-001") == {"the requester is unknown, so separation of duties cannot be checked"} with input as request({"requester": requester})
	}
	"SEC-SOD-001" in ids(secrets.violations) with input as json.remove(base, ["requester"])
	not "SEC-SOD-001" in ids(secrets.violations) with input as request({"requester": null, "approver": null, "data_classification": "public"})
}

# SEC-ROTATION-001

test_secrets_within_maximum_age_allowed if {
	fresh := [
		{"path": "kv/a", "age_days": 90},
		{"path": "kv/b", "age_days": null},
		{"path": "kv/c"},
		"kv/d",
	]
	not "SEC-ROTATION-001" in ids(secrets.violations) with input as request({"secrets": fresh})
	not "SEC-ROTATION-001" in ids(secrets.violations) with input as json.remove(base, ["secrets"])
}

test_overdue_secrets_reported_once_each if {
	overdue := [
		{"path": "kv/card-payments/db", "age_days": 120},
		{"path": "kv/card-payments/api", "age_days": 90.4},
		{"path": "kv/card-payments/ok", "age_days": 3},
	]
	messages(secrets.violations, "SEC-ROTATION-001") == {
		"kv/card-payments/db was last rotated 120 days ago, more than the maximum of 90 days",
		"kv/card-payments/api was last rotated over 90 days ago, more than the maximum of 90 days",
	} with input as request({"secrets": overdue})
}

test_overdue_rotation_is_advisory if {
	overdue := request({"action": "rotate", "secrets": [{"path": "kv/card-payments/db", "age_days": 400}]})
	ids(secrets.violations) == {"SEC-ROTATION-001"} with input as overdue
	secrets.allow with input as overdue
	not secrets.allow with input as object.union(overdue, {"approver": null})
}

test_rotation_without_maximum_age_not_checked if {
	overdue := [{"path": "kv/card-payments/db", "age_days": 400}]
	every maximum in [null, "90"] {
		not "SEC-ROTATION-001" in ids(secrets.violations) with input as request({"secrets": overdue, "max_age_days": maximum})
	}
	not "SEC-ROTATION-001" in ids(secrets.violations) with input as json.remove(request({"secrets": overdue}), ["max_age_days"])
}

# SEC-INPUT-001

test_known_actions_allowed if {
	every action in ["provision", "rotate"] {
		not "SEC-INPUT-001" in ids(secrets.violations) with input as request({"action": action})
	}
}

test_unknown_action_denied if {
	messages(secrets.violations, "SEC-INPUT-001") == {"unknown action delete: expected provision or rotate"} with input as request({"action": "delete"})
	messages(secrets.violations, "SEC-INPUT-001") == {"unknown action null: expected provision or rotate"} with input as json.remove(base, ["action"])
	not secrets.allow with input as request({"action": "Rotate"})
}

# Exceptions

test_exception_suppresses_rule if {
	unapproved := request({"approver": null, "exceptions": [{"rule": "SEC-APPROVAL-001"}]})
	count(secrets.violations) == 0 with input as unapproved
	secrets.excepted == {"SEC-APPROVAL-001"} with input as unapproved
	secrets.allow with input as unapproved
}

test_exception_covers_only_its_rule if {
	both := request({"approver": "ana", "action": "delete", "exceptions": [{"rule": "SEC-INPUT-001"}, {"rule": "SEC-ROTATION-001"}]})
	ids(secrets.violations) == {"SEC-SOD-001"} with input as both
	secrets.excepted == {"SEC-INPUT-001"} with input as both
	not secrets.allow with input as both
}
