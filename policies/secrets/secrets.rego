# Decision point `finops.secrets`: asked by the secrets backend before it
# provisions or rotates a service's Vault secrets. Only enforcing rules refuse
# (allow = false); overdue rotation is reported but never blocks the rotation
# that fixes it. The secrets backend supplies the facts (classification, PCI
# scope, who asked and who approved, the age of the existing secrets); an
# unknown classification in production counts as sensitive.
#
# input: {"entity": {...}, "action": "provision" | "rotate",
#         "environment": str (compared lower-cased),
#         "data_classification": str | null (the entity's
#                                finops.io/data-classification: public,
#                                internal, confidential or restricted),
#         "pci_scoped": bool,
#         "requester": user ref (who asked),
#         "approver": user ref | null (null until someone approves),
#         "secrets": [{"path": str, "age_days": number | null}] (the
#                    service's existing secrets, days since last rotation),
#         "max_age_days": number (the rotation maximum age),
#         "exceptions": [{"rule": id}]}
package finops.secrets

import data.finops.lib

rules := {
	"SEC-APPROVAL-001": {
		"title": "Production secrets of restricted or cardholder data are approved",
		"severity": "critical",
		"remediation": "Ask another member of the owning team to approve the request before the secrets are provisioned or rotated.",
		"frameworks": ["PCI-DSS 3.6.1", "PCI-DSS 7.2", "SOC 2 CC6.1"],
		"enforcing": true,
	},
	"SEC-SOD-001": {
		"title": "Nobody approves their own secret request",
		"severity": "critical",
		"remediation": "Ask someone other than the requester to approve.",
		"frameworks": ["PCI-DSS 3.7.6", "SOC 2 CC6.1", "SOX ITGC access management"],
		"enforcing": true,
	},
	"SEC-ROTATION-001": {
		"title": "Secrets are rotated within the maximum age",
		"severity": "medium",
		"remediation": "Rotate the service's secrets from its Secrets tab or with finops:secrets:rotate.",
		"frameworks": ["PCI-DSS 3.7.4", "PCI-DSS 8.6.3", "SOC 2 CC6.1"],
		"enforcing": false,
	},
	"SEC-INPUT-001": {
		"title": "The request names a known action",
		"severity": "high",
		"remediation": "Ask for provision or rotate.",
		"frameworks": ["SOC 2 CC6.1"],
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

environment := lower(input.environment)

production if environment == "production"

user(field) := lib.entity_ref(input[field], "user", "default")

classifications := {"public", "internal", "confidential", "restricted"}

classification := lower(trim_space(input.data_classification)) if is_string(input.data_classification)

known_classification if classification in classifications

# Why the data is sensitive; empty when it is not. An unknown or missing
# classification fails closed: it may be restricted data.
sensitivity contains "the data is restricted" if classification == "restricted"

sensitivity contains "the service is PCI-scoped" if input.pci_scoped == true

sensitivity contains "the data classification is unknown, so it counts as restricted" if {
	not known_classification
}

fired contains lib.violation(rules, "SEC-APPROVAL-001", message) if {
	production
	count(sensitivity) > 0
	not user("approver")
	message := concat("", ["production secrets need an approver: ", concat(" and ", sort(sensitivity))])
}

fired contains lib.violation(rules, "SEC-SOD-001", message) if {
	user("approver") == user("requester")
	message := concat("", [user("requester"), " cannot approve their own secret request"])
}

# Without a requester the approver cannot be told apart from them.
fired contains lib.violation(rules, "SEC-SOD-001", message) if {
	user("approver")
	not user("requester")
	message := "the requester is unknown, so separation of duties cannot be checked"
}

max_age := input.max_age_days

# Ages are fractional days: messages show whole days (no fractions, which
# the Wasm SDK and OPA format differently).
days(n) := concat("", [format_int(n, 10), " days"]) if n == floor(n)

else := concat("", ["over ", format_int(floor(n), 10), " days"])

fired contains lib.violation(rules, "SEC-ROTATION-001", message) if {
	is_number(max_age)
	some secret in object.get(input, "secrets", [])
	is_object(secret)
	age := object.get(secret, "age_days", null)
	is_number(age)
	age > max_age
	message := concat("", [
		lib.text(object.get(secret, "path", "a secret")), " was last rotated ", days(age),
		" ago, more than the maximum of ", days(max_age),
	])
}

fired contains lib.violation(rules, "SEC-INPUT-001", message) if {
	action := object.get(input, "action", null)
	not action in {"provision", "rotate"}
	message := concat("", ["unknown action ", lib.text(action), ": expected provision or rotate"])
}
