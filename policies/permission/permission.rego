# Decision point `finops.permission`: decides every Backstage permission
# request. Roles, strongest first: platform admins, security approvers,
# owners of the resource, everyone signed in. The first matching line of
# `decision` wins; anything no role grants is denied.
#
# input: {"permission": {"name", "attributes": {"action"}, "resourceType"},
#         "user": {"ref": user ref | null, "groups": [ownership refs]},
#         "resource": {"owner": entity ref, "requester": user ref} | null,
#         "config": {"admin_groups": [...], "security_approver_groups": [...]}}
package finops.permission

import data.finops.lib

rules := {
	"PERM-SIGNIN-001": {
		"title": "Only signed-in users are granted anything",
		"severity": "high",
		"remediation": "Sign in to the portal.",
		"frameworks": ["SOC 2 CC6.1", "PCI-DSS 8.2.1"],
		"enforcing": true,
	},
	"PERM-SOD-001": {
		"title": "Nobody reviews their own policy exception",
		"severity": "critical",
		"remediation": "Ask another member of a security approver group to review the exception.",
		"frameworks": ["SOX ITGC change management", "SOC 2 CC6.1", "PCI-DSS 6.5.1"],
		"enforcing": true,
	},
	"PERM-ADMIN-001": {
		"title": "Only platform admins delete catalog entities and locations",
		"severity": "high",
		"remediation": "Ask the platform team to delete it, or remove the entity from its catalog-info.yaml.",
		"frameworks": ["SOC 2 CC6.1", "SOX ITGC access management"],
		"enforcing": true,
	},
	"PERM-APPROVER-001": {
		"title": "Only security approvers approve policy exceptions",
		"severity": "critical",
		"remediation": "Ask a member of a security approver group to review the exception.",
		"frameworks": ["SOC 2 CC6.1", "SOX ITGC change management"],
		"enforcing": true,
	},
	"PERM-OWNER-001": {
		"title": "Only owners change or delete what they own",
		"severity": "high",
		"remediation": "Ask a member of the owning group to make the change.",
		"frameworks": ["SOC 2 CC6.1", "SOC 2 CC6.3", "PCI-DSS 7.2.1"],
		"enforcing": true,
	},
	"PERM-DEFAULT-001": {
		"title": "Whatever no role grants is denied",
		"severity": "high",
		"remediation": "Ask the platform team for the role that grants this permission.",
		"frameworks": ["SOC 2 CC6.3", "PCI-DSS 7.2.2"],
		"enforcing": true,
	},
}

# Permissions without an action that any signed-in user needs to use the
# portal: running a template's steps, dry-running a template, and checking
# a catalog-info.yaml before registering it. Other permissions without an
# action (kubernetes.proxy, scaffolder.template.management, ...) are denied.
everyday_permissions := {
	"scaffolder.action.execute",
	"scaffolder.template.dry-run",
	"catalog.entity.validate",
	"catalog.location.analyze",
}

admin_only_permissions := {"catalog.entity.delete", "catalog.location.delete"}

exception_approval := "policy.exception.approve"

name := input.permission.name

action := object.get(input.permission, ["attributes", "action"], null)

user_groups := lib.entity_refs(object.get(input, ["user", "groups"], []), "group")

signed_in if lib.non_empty(input.user.ref)

member_of(config_key) if {
	some group in lib.entity_refs(object.get(input, ["config", config_key], []), "group")
	group in user_groups
}

owner if {
	lib.entity_ref(input.resource.owner, "group", "default") in user_groups
}

owner if {
	lib.entity_ref(input.resource.owner, "group", "default") == lib.entity_ref(input.user.ref, "user", "default")
}

# Maker-checker: the exception's requester, whatever their roles.
own_request if {
	lib.entity_ref(input.resource.requester, "user", "default") == lib.entity_ref(input.user.ref, "user", "default")
}

# A check for a resource type without a resource asks for a condition the
# caller applies per resource (Backstage's list and filter checks).
conditional_check if {
	lib.non_empty(input.permission.resourceType)
	input.resource == null
}

conditional_check if {
	lib.non_empty(input.permission.resourceType)
	not input.resource
}

default decision := {"result": "DENY", "reason": "PERM-DEFAULT-001: no role grants this permission"}

decision := {"result": "DENY", "reason": "PERM-SIGNIN-001: not signed in"} if {
	not signed_in
} else := {"result": "DENY", "reason": "PERM-SOD-001: nobody reviews their own exception"} if {
	name == exception_approval
	own_request
} else := {"result": "ALLOW", "reason": "platform admin"} if {
	member_of("admin_groups")
} else := {"result": "ALLOW", "reason": "security approver"} if {
	name == exception_approval
	member_of("security_approver_groups")
} else := {"result": "DENY", "reason": "PERM-APPROVER-001: only security approvers approve policy exceptions"} if {
	name == exception_approval
} else := {"result": "DENY", "reason": "PERM-ADMIN-001: only platform admins may do this"} if {
	name in admin_only_permissions
} else := {"result": "ALLOW", "reason": "signed in"} if {
	action in {"read", "create"}
} else := {"result": "ALLOW", "reason": "signed in"} if {
	name in everyday_permissions
} else := {"result": "ALLOW", "reason": "owner"} if {
	action in {"update", "delete"}
	owner
} else := {"result": "CONDITIONAL", "reason": "ownership"} if {
	action in {"update", "delete"}
	conditional_check
} else := {"result": "DENY", "reason": "PERM-OWNER-001: only the owners may change this"} if {
	action in {"update", "delete"}
}

allow := decision.result == "ALLOW"
