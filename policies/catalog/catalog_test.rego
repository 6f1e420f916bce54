# `with` is used only in test bodies: a function that uses it does not
# compile with `opa build -t wasm` (the tests are part of that build).
package finops.catalog_test

import data.finops.catalog

groups := ["group:default/payments-team", "group:default/platform-team"]

# A production PCI service that satisfies every rule; each test breaks one.
service := {
	"apiVersion": "backstage.io/v1alpha1",
	"kind": "Component",
	"metadata": {
		"name": "card-payments",
		"annotations": {
			"finops.io/data-classification": "restricted",
			"finops.io/retention-period": "P7Y",
			"vault.io/secrets-path": "payments/card-payments",
			"finops.io/network-policy": "payments/card-payments-isolation",
			"backstage.io/techdocs-ref": "dir:.",
			"pagerduty.com/service-id": "PX7K2Q1",
			"finops.io/slo-availability": "99.95",
		},
		"labels": {"finops.io/pci-scope": "true"},
		"tags": ["java", "pci"],
	},
	"spec": {"type": "service", "lifecycle": "production", "owner": "payments-team"},
}

api := {
	"kind": "API",
	"metadata": {"name": "payments-api"},
	"spec": {"type": "openapi", "lifecycle": "production", "owner": "group:payments-team", "definition": "openapi: 3.0.3"},
}

resource := {
	"kind": "Resource",
	"metadata": {"name": "payments-db", "annotations": {"finops.io/data-classification": "confidential"}},
	"spec": {"type": "database", "owner": "group:default/payments-team"},
}

request(entity) := {"entity": entity, "groups": groups, "exceptions": []}

ids(violations) := {v.rule | some v in violations}

messages(violations, rule) := {v.message | some v in violations; v.rule == rule}

without_annotation(name) := json.remove(service, [["metadata", "annotations", name]])

with_annotation(name, value) := object.union(service, {"metadata": {"annotations": {name: value}}})

test_compliant_entities_pass if {
	every entity in [service, api, resource] {
		count(catalog.violations) == 0 with input as request(entity)
		catalog.allow with input as request(entity)
	}
}

test_violation_carries_its_rule if {
	some v in catalog.violations with input as request(without_annotation("finops.io/slo-availability"))
	v.rule == "CAT-SLO-001"
	v.severity == catalog.rules["CAT-SLO-001"].severity
	v.remediation == catalog.rules["CAT-SLO-001"].remediation
	v.frameworks == catalog.rules["CAT-SLO-001"].frameworks
}

# CAT-OWNER-001

test_owner_refs_are_normalised if {
	every owner in ["payments-team", "group:payments-team", "group:default/payments-team", "Group:Default/Payments-Team"] {
		violations := catalog.violations with input as request(object.union(service, {"spec": {"owner": owner}}))
		not "CAT-OWNER-001" in ids(violations)
		not "CAT-OWNER-002" in ids(violations)
	}
}

# CAT-OWNER-002

test_owner_unknown_group_reported_not_enforced if {
	entity := object.union(service, {"spec": {"owner": "ledger-team"}})
	violations := catalog.violations with input as request(entity)
	messages(violations, "CAT-OWNER-002") == {"spec.owner ledger-team (group:default/ledger-team) is not a group in the catalog"}
	catalog.allow with input as request(entity)
}

test_owner_resolved_in_entity_namespace if {
	violations := catalog.violations with input as request(object.union(service, {"metadata": {"namespace": "finance"}}))
	messages(violations, "CAT-OWNER-002") == {"spec.owner payments-team (group:finance/payments-team) is not a group in the catalog"}
}

test_owner_user_denied if {
	violations := catalog.violations with input as request(object.union(service, {"spec": {"owner": "user:default/ana"}}))
	"CAT-OWNER-002" in ids(violations)
}

test_owner_missing_denied if {
	violations := catalog.violations with input as request(json.remove(service, ["spec/owner"]))
	messages(violations, "CAT-OWNER-001") == {"spec.owner is missing"}
	not catalog.allow with input as request(json.remove(service, ["spec/owner"]))
}

test_owner_not_a_reference_denied if {
	violations := catalog.violations with input as request(object.union(service, {"spec": {"owner": "a:b:c"}}))
	messages(violations, "CAT-OWNER-001") == {"spec.owner a:b:c is not an entity reference"}
}

test_other_kinds_only_checked_for_ownership if {
	user := {"kind": "User", "metadata": {"name": "ana"}, "spec": {}}
	count(catalog.violations) == 0 with input as request(user)
	system := {"kind": "System", "metadata": {"name": "payments", "tags": ["pci"]}, "spec": {"owner": "payments-team"}}
	count(catalog.violations) == 0 with input as request(system)
	unowned := object.union(system, {"spec": {"owner": "nobody"}})
	ids(catalog.violations) == {"CAT-OWNER-002"} with input as request(unowned)
}

# CAT-LIFECYCLE-001

test_lifecycle_valid_allowed if {
	every lifecycle in ["experimental", "production", "deprecated"] {
		not "CAT-LIFECYCLE-001" in ids(catalog.violations) with input as request(object.union(api, {"spec": {"lifecycle": lifecycle}}))
	}
}

test_lifecycle_invalid_denied if {
	beta := object.union(api, {"spec": {"lifecycle": "beta"}})
	violations := catalog.violations with input as request(beta)
	messages(violations, "CAT-LIFECYCLE-001") == {"spec.lifecycle beta is not experimental, production or deprecated"}
	catalog.allow with input as request(beta)
	"CAT-LIFECYCLE-001" in ids(catalog.violations) with input as request(json.remove(service, ["spec/lifecycle"]))
}

# CAT-CLASSIFICATION-001

test_classification_present_allowed if {
	not "CAT-CLASSIFICATION-001" in ids(catalog.violations) with input as request(resource)
}

test_classification_missing_denied if {
	entity := json.remove(resource, ["metadata/annotations"])
	violations := catalog.violations with input as request(entity)
	messages(violations, "CAT-CLASSIFICATION-001") == {"the annotation finops.io/data-classification is missing"}
	not catalog.allow with input as request(entity)
}

test_classification_invalid_denied if {
	entity := object.union(resource, {"metadata": {"annotations": {"finops.io/data-classification": "secret"}}})
	violations := catalog.violations with input as request(entity)
	messages(violations, "CAT-CLASSIFICATION-001") == {"finops.io/data-classification secret is not public, internal, confidential or restricted"}
}

test_classification_not_required_of_apis if {
	not "CAT-CLASSIFICATION-001" in ids(catalog.violations) with input as request(api)
}

# CAT-RETENTION-001

test_retention_not_needed_for_confidential_data if {
	not "CAT-RETENTION-001" in ids(catalog.violations) with input as request(resource)
}

test_retention_valid_periods_allowed if {
	every period in ["P7Y", "P10Y6M", "P90D", "P2W", "PT36H", "P1DT12H"] {
		not "CAT-RETENTION-001" in ids(catalog.violations) with input as request(with_annotation("finops.io/retention-period", period))
	}
}

test_retention_missing_for_restricted_denied if {
	violations := catalog.violations with input as request(without_annotation("finops.io/retention-period"))
	messages(violations, "CAT-RETENTION-001") == {"the annotation finops.io/retention-period is missing and it is classified restricted"}
}

test_retention_missing_for_personal_data_denied if {
	by_label := object.union(resource, {"metadata": {"labels": {"finops.io/personal-data": "true"}}})
	violations := catalog.violations with input as request(by_label)
	messages(violations, "CAT-RETENTION-001") == {"the annotation finops.io/retention-period is missing and it holds personal data"}
	by_annotation := object.union(resource, {"metadata": {"annotations": {"finops.io/personal-data": "true"}}})
	"CAT-RETENTION-001" in ids(catalog.violations) with input as request(by_annotation)
}

test_retention_invalid_period_denied if {
	every period in ["7 years", "P", "P1YT", "7Y", ""] {
		violations := catalog.violations with input as request(with_annotation("finops.io/retention-period", period))
		messages(violations, "CAT-RETENTION-001") == {concat("", ["finops.io/retention-period ", period, " is not an ISO 8601 duration such as P7Y"])}
	}
}

# CAT-PCI-001 and CAT-PCI-002

test_pci_not_in_scope_allowed if {
	out_of_scope := json.remove(service, ["metadata/labels", "metadata/tags"])
	no_vault := json.remove(out_of_scope, [["metadata", "annotations", "vault.io/secrets-path"]])
	not "CAT-PCI-001" in ids(catalog.violations) with input as request(no_vault)
	no_policy := json.remove(out_of_scope, [["metadata", "annotations", "finops.io/network-policy"]])
	not "CAT-PCI-002" in ids(catalog.violations) with input as request(no_policy)
}

test_pci_libraries_not_checked if {
	library := object.union(without_annotation("vault.io/secrets-path"), {"spec": {"type": "library"}})
	not "CAT-PCI-001" in ids(catalog.violations) with input as request(library)
}

test_pci_secrets_path_missing_denied if {
	entity := without_annotation("vault.io/secrets-path")
	violations := catalog.violations with input as request(entity)
	messages(violations, "CAT-PCI-001") == {"the component is PCI-scoped and has no vault.io/secrets-path annotation"}
	not catalog.allow with input as request(entity)
}

test_pci_scope_by_tag_denied if {
	entity := json.remove(without_annotation("vault.io/secrets-path"), ["metadata/labels"])
	"CAT-PCI-001" in ids(catalog.violations) with input as request(entity)
}

test_pci_network_policy_missing_denied if {
	entity := with_annotation("finops.io/network-policy", " ")
	violations := catalog.violations with input as request(entity)
	messages(violations, "CAT-PCI-002") == {"the component is PCI-scoped and has no finops.io/network-policy annotation"}
	catalog.allow with input as request(entity)
}

# CAT-DOCS-001, CAT-ONCALL-001 and CAT-SLO-001

test_production_rules_skip_other_services if {
	bare := json.remove(service, [
		["metadata", "annotations", "backstage.io/techdocs-ref"],
		["metadata", "annotations", "pagerduty.com/service-id"],
		["metadata", "annotations", "finops.io/slo-availability"],
	])
	every entity in [object.union(bare, {"spec": {"lifecycle": "experimental"}}), object.union(bare, {"spec": {"type": "website"}})] {
		count(ids(catalog.violations) & {"CAT-DOCS-001", "CAT-ONCALL-001", "CAT-SLO-001"}) == 0 with input as request(entity)
	}
}

test_docs_missing_denied if {
	violations := catalog.violations with input as request(without_annotation("backstage.io/techdocs-ref"))
	messages(violations, "CAT-DOCS-001") == {"the production service has no backstage.io/techdocs-ref annotation"}
}

test_oncall_any_reference_allowed if {
	bare := without_annotation("pagerduty.com/service-id")
	every name in ["pagerduty.com/service-id", "opsgenie.com/component-selector", "finops.io/on-call"] {
		entity := object.union(bare, {"metadata": {"annotations": {name: "x"}}})
		not "CAT-ONCALL-001" in ids(catalog.violations) with input as request(entity)
	}
}

test_oncall_missing_denied if {
	violations := catalog.violations with input as request(without_annotation("pagerduty.com/service-id"))
	messages(violations, "CAT-ONCALL-001") == {"the production service has none of the annotations pagerduty.com/service-id, opsgenie.com/component-selector, finops.io/on-call"}
}

test_slo_missing_denied if {
	violations := catalog.violations with input as request(without_annotation("finops.io/slo-availability"))
	messages(violations, "CAT-SLO-001") == {"the production service has no finops.io/slo-availability annotation"}
}

test_slo_invalid_denied if {
	every slo in ["100", "high", "99.9%"] {
		violations := catalog.violations with input as request(with_annotation("finops.io/slo-availability", slo))
		messages(violations, "CAT-SLO-001") == {concat("", ["finops.io/slo-availability ", slo, " is not a percentage below 100 such as 99.9"])}
	}
}

# CAT-API-001

test_api_definition_present_allowed if {
	not "CAT-API-001" in ids(catalog.violations) with input as request(api)
}

test_api_definition_missing_denied if {
	undefined := json.remove(api, ["spec/definition"])
	violations := catalog.violations with input as request(undefined)
	messages(violations, "CAT-API-001") == {"spec.definition is missing or empty"}
	not catalog.allow with input as request(undefined)
	"CAT-API-001" in ids(catalog.violations) with input as request(object.union(api, {"spec": {"definition": "  "}}))
}

# Exceptions

test_exception_suppresses_rule if {
	entity := json.remove(service, [
		["metadata", "annotations", "vault.io/secrets-path"],
		["metadata", "annotations", "finops.io/slo-availability"],
	])
	excepted := object.union(request(entity), {"exceptions": [{"rule": "CAT-PCI-001"}]})
	ids(catalog.violations) == {"CAT-SLO-001"} with input as excepted
	catalog.excepted == {"CAT-PCI-001"} with input as excepted
	catalog.allow with input as excepted
}

test_exception_for_unfired_rule_is_not_reported if {
	count(catalog.excepted) == 0 with input as object.union(request(service), {"exceptions": [{"rule": "CAT-PCI-001"}]})
}
