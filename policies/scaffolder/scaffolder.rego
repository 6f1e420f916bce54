# Decision point `finops.scaffolder`: checked by the finops:policy:check
# action before a template creates anything. Any violation stops the run.
#
# input: {"template": name, "parameters": {...},
#         "user": {"ref": user ref, "groups": [group refs]},
#         "approved_pci_systems": [system refs], "exceptions": [{"rule": id}]}
package finops.scaffolder

import data.finops.lib

rules := {
	"SCF-NAME-001": {
		"title": "Component names are DNS-safe",
		"severity": "medium",
		"remediation": "Use 1 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit.",
		"frameworks": ["SOC 2 CC8.1"],
		"enforcing": true,
	},
	"SCF-OWNER-001": {
		"title": "New components are owned by one of the requester's groups",
		"severity": "high",
		"remediation": "Choose a group you are a member of as the owner, or ask a member of the owning group to run the template.",
		"frameworks": ["SOC 2 CC1.3", "SOC 2 CC6.1"],
		"enforcing": true,
	},
	"SCF-PCI-001": {
		"title": "PCI-scoped components only inside approved PCI systems",
		"severity": "critical",
		"remediation": "Place the component in a system approved for the cardholder-data environment, or ask the security team to approve the system first.",
		"frameworks": ["PCI-DSS 12.5.2", "PCI-DSS 1.2.4"],
		"enforcing": true,
	},
	"SCF-ENV-001": {
		"title": "Only the platform's environments",
		"severity": "medium",
		"remediation": "Choose environments among development, staging and production.",
		"frameworks": ["SOC 2 CC8.1"],
		"enforcing": true,
	},
	"SCF-ENV-002": {
		"title": "Production only with a data classification",
		"severity": "high",
		"remediation": "Set the data classification (public, internal, confidential or restricted) before asking for a production environment.",
		"frameworks": ["SOC 2 C1.1", "GDPR art. 25"],
		"enforcing": true,
	},
	"SCF-DATA-001": {
		"title": "Data classification is one of the four",
		"severity": "medium",
		"remediation": "Classify the data as public, internal, confidential or restricted (the most sensitive data the component stores or processes).",
		"frameworks": ["SOC 2 C1.1", "GDPR art. 30"],
		"enforcing": true,
	},
	"SCF-SYSTEM-001": {
		"title": "New components belong to a system",
		"severity": "medium",
		"remediation": "Choose the system the component belongs to, a System of the catalog (system:default/<name>).",
		"frameworks": ["SOC 2 CC6.1"],
		"enforcing": true,
	},
	"SCF-REPO-001": {
		"title": "The repository is named after the component",
		"severity": "low",
		"remediation": "Name the repository as the component, under an organisation (owner) of the code host.",
		"frameworks": ["SOC 2 CC8.1"],
		"enforcing": true,
	},
	"SCF-DESC-001": {
		"title": "Descriptions are one line of at most 200 characters",
		"severity": "low",
		"remediation": "Describe what the component does in one sentence of at most 200 characters.",
		"frameworks": ["SOC 2 CC2.1"],
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

parameters := object.get(input, "parameters", {})

environments := {"development", "staging", "production"}

classifications := {"public", "internal", "confidential", "restricted"}

dns_label := `^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`

fired contains lib.violation(rules, "SCF-NAME-001", message) if {
	name := object.get(parameters, "name", "")
	not dns_safe(name)
	message := concat("", ["the name ", lib.text(name), " is not DNS-safe"])
}

dns_safe(name) if {
	is_string(name)
	regex.match(dns_label, name)
}

fired contains lib.violation(rules, "SCF-OWNER-001", "no owner was given") if {
	not parameters.owner
}

fired contains lib.violation(rules, "SCF-OWNER-001", message) if {
	owner := parameters.owner
	not owned_by_requester
	message := concat("", ["the owner ", lib.text(owner), " is not one of your groups"])
}

# Ownership claims also hold the user's own ref: a person cannot own a
# component, so only group refs count.
owned_by_requester if {
	ref := lib.entity_ref(parameters.owner, "group", "default")
	startswith(ref, "group:")
	ref in lib.entity_refs(object.get(input, ["user", "groups"], []), "group")
}

requested_pci if lib.flag(parameters.pciScope)

fired contains lib.violation(rules, "SCF-PCI-001", message) if {
	requested_pci
	not in_approved_pci_system
	system := object.get(parameters, "system", "(none)")
	message := concat("", ["the system ", lib.text(system), " is not approved for PCI-scoped components"])
}

in_approved_pci_system if {
	lib.entity_ref(parameters.system, "system", "default") in lib.entity_refs(object.get(input, "approved_pci_systems", []), "system")
}

requested_environments contains env if {
	some env in object.get(parameters, "environments", [])
}

fired contains lib.violation(rules, "SCF-ENV-001", message) if {
	unknown := {lib.text(env) | some env in requested_environments; not env in environments}
	count(unknown) > 0
	message := concat("", ["unknown environments: ", concat(", ", sort(unknown))])
}

fired contains lib.violation(rules, "SCF-ENV-001", "environments is not a list") if {
	not is_array(object.get(parameters, "environments", []))
}

fired contains lib.violation(rules, "SCF-ENV-002", message) if {
	"production" in requested_environments
	not object.get(parameters, "dataClassification", null) in classifications
	message := concat("", [
		"production was requested with data classification ",
		lib.text(object.get(parameters, "dataClassification", "(none)")),
	])
}

fired contains lib.violation(rules, "SCF-DATA-001", message) if {
	classification := object.get(parameters, "dataClassification", null)
	classification != null
	not classification in classifications
	message := concat("", ["the data classification ", lib.text(classification), " is not one of public, internal, confidential, restricted"])
}

fired contains lib.violation(rules, "SCF-SYSTEM-001", "no system was given") if {
	not lib.non_empty(object.get(parameters, "system", null))
}

fired contains lib.violation(rules, "SCF-SYSTEM-001", message) if {
	system := parameters.system
	lib.non_empty(system)
	not system_ref(system)
	message := concat("", ["the system ", lib.text(system), " is not a reference to a System"])
}

system_ref(value) if startswith(lib.entity_ref(value, "system", "default"), "system:")

# The repository picker's value: "<host>?owner=<owner>&repo=<repo>", as
# [key, value] pairs (a set: a key given twice is not a conflict).
repo_url_pairs(url) := {[kv[0], kv[1]] |
	is_string(url)
	parts := split(url, "?")
	count(parts) == 2
	some pair in split(parts[1], "&")
	kv := split(pair, "=")
	count(kv) == 2
}

fired contains lib.violation(rules, "SCF-REPO-001", message) if {
	url := object.get(parameters, "repoUrl", null)
	url != null
	not repo_named_after_component(url)
	message := concat("", [
		"the repository ", lib.text(url), " is not ",
		lib.text(object.get(parameters, "name", "(none)")), " under an owner",
	])
}

repo_named_after_component(url) if {
	pairs := repo_url_pairs(url)
	{value | some [key, value] in pairs; key == "repo"} == {parameters.name}
	some [key, owner] in pairs
	key == "owner"
	lib.non_empty(owner)
}

fired contains lib.violation(rules, "SCF-DESC-001", message) if {
	description := object.get(parameters, "description", null)
	description != null
	not one_short_line(description)
	message := "the description is not one line of at most 200 characters"
}

one_short_line(value) if {
	is_string(value)
	count(value) <= 200
	not contains(value, "\n")
}
