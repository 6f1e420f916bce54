# Decision point `finops.catalog`: evaluated for every entity the catalog
# processes. Violations are recorded and shown on the entity; only the rules
# marked enforcing keep an entity out of the catalog (allow = false).
#
# input: {"entity": <Backstage entity>, "groups": [group refs in the catalog],
#         "exceptions": [{"rule": id}, ...]}
package finops.catalog

import data.finops.lib

rules := {
	"CAT-OWNER-001": {
		"title": "Names its owner",
		"severity": "high",
		"remediation": "Set spec.owner to the owning group, e.g. group:default/payments-team.",
		"frameworks": ["SOC 2 CC1.3", "SOX ITGC change management"],
		"enforcing": true,
	},
	"CAT-OWNER-002": {
		"title": "Owned by a group that exists in the catalog",
		"severity": "high",
		"remediation": "Set spec.owner to an existing group, e.g. group:default/payments-team; a person cannot own an entity.",
		"frameworks": ["SOC 2 CC1.3", "SOX ITGC change management"],
		"enforcing": false,
	},
	"CAT-LIFECYCLE-001": {
		"title": "Components and APIs declare a known lifecycle",
		"severity": "low",
		"remediation": "Set spec.lifecycle to experimental, production or deprecated.",
		"frameworks": ["SOC 2 CC8.1"],
		"enforcing": false,
	},
	"CAT-CLASSIFICATION-001": {
		"title": "Components and resources declare their data classification",
		"severity": "high",
		"remediation": "Add the annotation finops.io/data-classification with public, internal, confidential or restricted.",
		"frameworks": ["SOC 2 C1.1", "GDPR art. 30", "PCI-DSS 12.5.2"],
		"enforcing": true,
	},
	"CAT-RETENTION-001": {
		"title": "Restricted or personal data has a retention period",
		"severity": "high",
		"remediation": "Add the annotation finops.io/retention-period with an ISO 8601 duration, e.g. P7Y, and delete data older than that.",
		"frameworks": ["GDPR art. 5(1)(e)", "SOC 2 C1.2"],
		"enforcing": false,
	},
	"CAT-PCI-001": {
		"title": "PCI-scoped components keep their secrets in Vault",
		"severity": "critical",
		"remediation": "Provision the component's secrets with finops:secrets:provision and add the annotation vault.io/secrets-path.",
		"frameworks": ["PCI-DSS 3.5", "PCI-DSS 8.6.2", "SOC 2 CC6.1"],
		"enforcing": true,
	},
	"CAT-PCI-002": {
		"title": "PCI-scoped components declare their network policy",
		"severity": "high",
		"remediation": "Add the annotation finops.io/network-policy naming the network policy that isolates the component.",
		"frameworks": ["PCI-DSS 1.3", "SOC 2 CC6.6"],
		"enforcing": false,
	},
	"CAT-DOCS-001": {
		"title": "Production services have TechDocs",
		"severity": "medium",
		"remediation": "Add docs/ with an mkdocs.yml and the annotation backstage.io/techdocs-ref: dir:.",
		"frameworks": ["SOC 2 CC2.2"],
		"enforcing": false,
	},
	"CAT-ONCALL-001": {
		"title": "Production services name their on-call",
		"severity": "high",
		"remediation": "Add one of the annotations pagerduty.com/service-id, opsgenie.com/component-selector or finops.io/on-call.",
		"frameworks": ["SOC 2 CC7.4", "PCI-DSS 12.10"],
		"enforcing": false,
	},
	"CAT-SLO-001": {
		"title": "Production services declare an availability SLO",
		"severity": "medium",
		"remediation": "Add the annotation finops.io/slo-availability with a percentage below 100, e.g. \"99.9\".",
		"frameworks": ["SOC 2 A1.1"],
		"enforcing": false,
	},
	"CAT-API-001": {
		"title": "APIs carry their definition",
		"severity": "medium",
		"remediation": "Put the API's OpenAPI, AsyncAPI, GraphQL or gRPC definition in spec.definition (a $text placeholder works).",
		"frameworks": ["SOC 2 CC2.3"],
		"enforcing": true,
	},
}

default allow := false

allow if {
	every v in violations {
		not rules[v.rule].enforcing
	}
}

violations contains v if {
	some v in fired
	not v.rule in exception_ids
}

excepted contains v.rule if {
	some v in fired
	v.rule in exception_ids
}

exception_ids := lib.excepted_rule_ids(object.get(input, "exceptions", []))

entity := input.entity

kind := lower(entity.kind)

annotations := object.get(entity, ["metadata", "annotations"], {})

labels := object.get(entity, ["metadata", "labels"], {})

tags := object.get(entity, ["metadata", "tags"], [])

# Kinds that Backstage requires an owner of; other kinds are checked only
# when they have one.
owned_kinds := {"component", "api", "resource"}

lifecycles := {"experimental", "production", "deprecated"}

classifications := {"public", "internal", "confidential", "restricted"}

# Component types that run somewhere, and so hold secrets and take traffic.
deployable_types := {"service", "website"}

on_call_annotations := ["pagerduty.com/service-id", "opsgenie.com/component-selector", "finops.io/on-call"]

fired contains lib.violation(rules, "CAT-OWNER-001", "spec.owner is missing") if {
	kind in owned_kinds
	not entity.spec.owner
}

# Whether the group exists depends on the rest of the catalog, which fills
# in any order: reported, never enforced, so ingestion order cannot refuse
# an entity.
fired contains lib.violation(rules, "CAT-OWNER-002", message) if {
	owner := entity.spec.owner
	ref := lib.entity_ref(owner, "group", object.get(entity, ["metadata", "namespace"], "default"))
	not ref in lib.entity_refs(object.get(input, "groups", []), "group")
	message := concat("", ["spec.owner ", lib.text(owner), " (", ref, ") is not a group in the catalog"])
}

fired contains lib.violation(rules, "CAT-OWNER-001", message) if {
	owner := entity.spec.owner
	not lib.entity_ref(owner, "group", "default")
	message := concat("", ["spec.owner ", lib.text(owner), " is not an entity reference"])
}

fired contains lib.violation(rules, "CAT-LIFECYCLE-001", message) if {
	kind in {"component", "api"}
	lifecycle := object.get(entity, ["spec", "lifecycle"], "(missing)")
	not lifecycle in lifecycles
	message := concat("", ["spec.lifecycle ", lib.text(lifecycle), " is not experimental, production or deprecated"])
}

fired contains lib.violation(rules, "CAT-CLASSIFICATION-001", message) if {
	kind in {"component", "resource"}
	not annotations["finops.io/data-classification"]
	message := "the annotation finops.io/data-classification is missing"
}

fired contains lib.violation(rules, "CAT-CLASSIFICATION-001", message) if {
	kind in {"component", "resource"}
	value := annotations["finops.io/data-classification"]
	not value in classifications
	message := concat("", [
		"finops.io/data-classification ", lib.text(value),
		" is not public, internal, confidential or restricted",
	])
}

# Why the data needs a retention period, when it does.
retention_reason := "it is classified restricted" if {
	annotations["finops.io/data-classification"] == "restricted"
} else := "it holds personal data" if {
	lib.flag(labels["finops.io/personal-data"])
} else := "it holds personal data" if {
	lib.flag(annotations["finops.io/personal-data"])
}

fired contains lib.violation(rules, "CAT-RETENTION-001", message) if {
	kind in {"component", "resource"}
	retention_reason
	not annotations["finops.io/retention-period"]
	message := concat("", ["the annotation finops.io/retention-period is missing and ", retention_reason])
}

fired contains lib.violation(rules, "CAT-RETENTION-001", message) if {
	kind in {"component", "resource"}
	retention_reason
	period := annotations["finops.io/retention-period"]
	not iso8601_duration(period)
	message := concat("", ["finops.io/retention-period ", lib.text(period), " is not an ISO 8601 duration such as P7Y"])
}

# RE2 has no lookahead: the regex admits "P" and "P1YT", excluded after.
iso8601_duration(value) if {
	is_string(value)
	regex.match(`^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$`, value)
	value != "P"
	not endswith(value, "T")
}

pci_scoped if lib.flag(labels["finops.io/pci-scope"])

pci_scoped if "pci" in tags

pci_component if {
	kind == "component"
	lower(entity.spec.type) in deployable_types
	pci_scoped
}

fired contains lib.violation(rules, "CAT-PCI-001", message) if {
	pci_component
	not has_annotation("vault.io/secrets-path")
	message := "the component is PCI-scoped and has no vault.io/secrets-path annotation"
}

fired contains lib.violation(rules, "CAT-PCI-002", message) if {
	pci_component
	not has_annotation("finops.io/network-policy")
	message := "the component is PCI-scoped and has no finops.io/network-policy annotation"
}

has_annotation(name) if lib.non_empty(annotations[name])

production_service if {
	kind == "component"
	lower(entity.spec.type) == "service"
	entity.spec.lifecycle == "production"
}

fired contains lib.violation(rules, "CAT-DOCS-001", message) if {
	production_service
	not has_annotation("backstage.io/techdocs-ref")
	message := "the production service has no backstage.io/techdocs-ref annotation"
}

fired contains lib.violation(rules, "CAT-ONCALL-001", message) if {
	production_service
	every name in on_call_annotations {
		not has_annotation(name)
	}
	message := concat("", ["the production service has none of the annotations ", concat(", ", on_call_annotations)])
}

fired contains lib.violation(rules, "CAT-SLO-001", message) if {
	production_service
	not annotations["finops.io/slo-availability"]
	message := "the production service has no finops.io/slo-availability annotation"
}

fired contains lib.violation(rules, "CAT-SLO-001", message) if {
	production_service
	slo := annotations["finops.io/slo-availability"]
	not availability_percentage(slo)
	message := concat("", ["finops.io/slo-availability ", lib.text(slo), " is not a percentage below 100 such as 99.9"])
}

availability_percentage(value) if {
	is_string(value)
	regex.match(`^[0-9]{1,2}(\.[0-9]+)?$`, value)
}

fired contains lib.violation(rules, "CAT-API-001", "spec.definition is missing or empty") if {
	kind == "api"
	not lib.non_empty(object.get(entity, ["spec", "definition"], ""))
}
