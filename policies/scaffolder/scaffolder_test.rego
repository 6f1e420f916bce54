# `with` is used only in test bodies: a function that uses it does not
# compile with `opa build -t wasm` (the tests are part of that build).
package finops.scaffolder_test

import data.finops.scaffolder

user := {"ref": "user:default/ana", "groups": ["group:default/payments-team", "user:default/ana"]}

parameters := {
	"name": "refunds",
	"owner": "group:default/payments-team",
	"system": "payments",
	"pciScope": true,
	"environments": ["dev", "staging", "production"],
	"dataClassification": "restricted",
}

request(changes) := {
	"template": "node-service",
	"parameters": object.union(parameters, changes),
	"user": user,
	"approved_pci_systems": ["system:default/payments"],
}

ids(violations) := {v.rule | some v in violations}

messages(violations, rule) := {v.message | some v in violations; v.rule == rule}

test_valid_request_allowed if {
	count(scaffolder.violations) == 0 with input as request({})
	scaffolder.allow with input as request({})
}

# SCF-NAME-001

test_name_dns_safe_allowed if {
	every name in ["a", "refunds-v2", "x0", concat("", ["a", concat("", [c | some _ in numbers.range(1, 61); c := "b"]), "c"])] {
		not "SCF-NAME-001" in ids(scaffolder.violations) with input as request({"name": name})
	}
}

test_name_not_dns_safe_denied if {
	messages(scaffolder.violations, "SCF-NAME-001") == {"the name Refunds_Service is not DNS-safe"} with input as request({"name": "Refunds_Service"})
	every name in ["-refunds", "refunds-", "", 42, concat("", [c | some _ in numbers.range(1, 64); c := "a"])] {
		"SCF-NAME-001" in ids(scaffolder.violations) with input as request({"name": name})
	}
	not scaffolder.allow with input as request({"name": "Refunds"})
}

# SCF-OWNER-001

test_owner_refs_normalised if {
	every owner in ["payments-team", "group:payments-team", "Group:Default/Payments-Team"] {
		not "SCF-OWNER-001" in ids(scaffolder.violations) with input as request({"owner": owner})
	}
}

test_owner_foreign_group_denied if {
	messages(scaffolder.violations, "SCF-OWNER-001") == {"the owner group:default/ledger-team is not one of your groups"} with input as request({"owner": "group:default/ledger-team"})
	"SCF-OWNER-001" in ids(scaffolder.violations) with input as request({"owner": "user:default/ana"})
	"SCF-OWNER-001" in ids(scaffolder.violations) with input as request({"owner": "not:a:ref"})
}

test_owner_missing_denied if {
	ownerless := json.remove(request({}), ["parameters/owner"])
	messages(scaffolder.violations, "SCF-OWNER-001") == {"no owner was given"} with input as ownerless
}

# SCF-PCI-001

test_pci_in_approved_system_allowed if {
	not "SCF-PCI-001" in ids(scaffolder.violations) with input as request({"system": "system:default/payments"})
	not "SCF-PCI-001" in ids(scaffolder.violations) with input as request({"system": "ledger", "pciScope": false})
}

test_pci_outside_approved_system_denied if {
	messages(scaffolder.violations, "SCF-PCI-001") == {"the system ledger is not approved for PCI-scoped components"} with input as request({"system": "ledger"})
	messages(scaffolder.violations, "SCF-PCI-001") == {"the system null is not approved for PCI-scoped components"} with input as request({"system": null})
	"SCF-PCI-001" in ids(scaffolder.violations) with input as request({"system": "ledger", "pciScope": "true"})
}

test_pci_without_system_denied if {
	systemless := json.remove(request({}), ["parameters/system"])
	messages(scaffolder.violations, "SCF-PCI-001") == {"the system (none) is not approved for PCI-scoped components"} with input as systemless
}

# SCF-ENV-001

test_known_environments_allowed if {
	not "SCF-ENV-001" in ids(scaffolder.violations) with input as request({"environments": ["dev"]})
	not "SCF-ENV-001" in ids(scaffolder.violations) with input as request({"environments": []})
}

test_unknown_environments_denied if {
	messages(scaffolder.violations, "SCF-ENV-001") == {"unknown environments: perf, qa"} with input as request({"environments": ["qa", "production", "perf"]})
	messages(scaffolder.violations, "SCF-ENV-001") == {"environments is not a list"} with input as request({"environments": "production"})
}

# SCF-ENV-002

test_production_with_classification_allowed if {
	every classification in ["public", "internal", "confidential", "restricted"] {
		not "SCF-ENV-002" in ids(scaffolder.violations) with input as request({"dataClassification": classification})
	}
	not "SCF-ENV-002" in ids(scaffolder.violations) with input as request({"environments": ["dev"], "dataClassification": null})
}

test_production_without_classification_denied if {
	messages(scaffolder.violations, "SCF-ENV-002") == {"production was requested with data classification null"} with input as request({"dataClassification": null})
	messages(scaffolder.violations, "SCF-ENV-002") == {"production was requested with data classification secret"} with input as request({"dataClassification": "secret"})
}

# Exceptions

test_exception_suppresses_rule if {
	excepted := object.union(request({"system": "ledger"}), {"exceptions": [{"rule": "SCF-PCI-001"}]})
	count(scaffolder.violations) == 0 with input as excepted
	scaffolder.excepted == {"SCF-PCI-001"} with input as excepted
	scaffolder.allow with input as excepted
}
