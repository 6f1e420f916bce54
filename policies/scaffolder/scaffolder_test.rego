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
	"environments": ["development", "staging", "production"],
	"dataClassification": "restricted",
	"description": "Refunds card payments",
	"repoUrl": "github.com?owner=acme&repo=refunds",
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
	not "SCF-ENV-001" in ids(scaffolder.violations) with input as request({"environments": ["development"]})
	not "SCF-ENV-001" in ids(scaffolder.violations) with input as request({"environments": []})
}

test_unknown_environments_denied if {
	messages(scaffolder.violations, "SCF-ENV-001") == {"unknown environments: dev"} with input as request({"environments": ["dev"]})
	messages(scaffolder.violations, "SCF-ENV-001") == {"unknown environments: perf, qa"} with input as request({"environments": ["qa", "production", "perf"]})
	messages(scaffolder.violations, "SCF-ENV-001") == {"environments is not a list"} with input as request({"environments": "production"})
}

# SCF-ENV-002

test_production_with_classification_allowed if {
	every classification in ["public", "internal", "confidential", "restricted"] {
		not "SCF-ENV-002" in ids(scaffolder.violations) with input as request({"dataClassification": classification})
	}
	not "SCF-ENV-002" in ids(scaffolder.violations) with input as request({"environments": ["development"], "dataClassification": null})
}

test_production_without_classification_denied if {
	messages(scaffolder.violations, "SCF-ENV-002") == {"production was requested with data classification null"} with input as request({"dataClassification": null})
	messages(scaffolder.violations, "SCF-ENV-002") == {"production was requested with data classification secret"} with input as request({"dataClassification": "secret"})
}

# SCF-DATA-001

test_known_classification_allowed if {
	every classification in ["public", "internal", "confidential", "restricted", null] {
		not "SCF-DATA-001" in ids(scaffolder.violations) with input as request({"dataClassification": classification})
	}
	unclassified := json.remove(request({"environments": ["staging"]}), ["parameters/dataClassification"])
	count(scaffolder.violations) == 0 with input as unclassified
}

test_unknown_classification_denied if {
	messages(scaffolder.violations, "SCF-DATA-001") == {"the data classification secret is not one of public, internal, confidential, restricted"} with input as request({"dataClassification": "secret"})
	"SCF-DATA-001" in ids(scaffolder.violations) with input as request({"environments": ["staging"], "dataClassification": 3})
}

# SCF-SYSTEM-001

test_system_refs_allowed if {
	every system in ["payments", "system:payments", "System:Default/Payments"] {
		not "SCF-SYSTEM-001" in ids(scaffolder.violations) with input as request({"system": system})
	}
}

test_system_missing_or_not_a_system_denied if {
	systemless := json.remove(request({}), ["parameters/system"])
	messages(scaffolder.violations, "SCF-SYSTEM-001") == {"no system was given"} with input as systemless
	messages(scaffolder.violations, "SCF-SYSTEM-001") == {"no system was given"} with input as request({"system": " "})
	messages(scaffolder.violations, "SCF-SYSTEM-001") == {"the system group:default/payments-team is not a reference to a System"} with input as request({"system": "group:default/payments-team"})
	"SCF-SYSTEM-001" in ids(scaffolder.violations) with input as request({"system": "not:a:ref"})
}

# SCF-REPO-001

test_repository_named_after_component_allowed if {
	every url in ["github.com?owner=acme&repo=refunds", "repos.local?repo=refunds&owner=payments-team", null] {
		not "SCF-REPO-001" in ids(scaffolder.violations) with input as request({"repoUrl": url})
	}
}

test_repository_not_named_after_component_denied if {
	messages(scaffolder.violations, "SCF-REPO-001") == {"the repository github.com?owner=acme&repo=payouts is not refunds under an owner"} with input as request({"repoUrl": "github.com?owner=acme&repo=payouts"})
	every url in ["github.com?repo=refunds", "github.com?owner=&repo=refunds", "refunds", "github.com?owner=acme&repo=refunds&repo=payouts", 7] {
		"SCF-REPO-001" in ids(scaffolder.violations) with input as request({"repoUrl": url})
	}
}

# SCF-DESC-001

test_short_description_allowed if {
	every description in ["", "Refunds card payments", concat("", [c | some _ in numbers.range(1, 200); c := "a"]), null] {
		not "SCF-DESC-001" in ids(scaffolder.violations) with input as request({"description": description})
	}
}

test_long_or_multiline_description_denied if {
	every description in ["two\nlines", concat("", [c | some _ in numbers.range(1, 201); c := "a"]), 42] {
		messages(scaffolder.violations, "SCF-DESC-001") == {"the description is not one line of at most 200 characters"} with input as request({"description": description})
	}
}

# Exceptions

test_exception_suppresses_rule if {
	excepted := object.union(request({"system": "ledger"}), {"exceptions": [{"rule": "SCF-PCI-001"}]})
	count(scaffolder.violations) == 0 with input as excepted
	scaffolder.excepted == {"SCF-PCI-001"} with input as excepted
	scaffolder.allow with input as excepted
}
