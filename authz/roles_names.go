package authz

// Role names as stored in RoleAssignment.role and used as Casbin p subjects.
// They are constants so handlers and tests cannot misspell them; the
// permissions themselves live only in the embedded policy.csv.
const (
	// RolePlatformAdmin runs the SaaS platform and is held at PlatformDomain.
	RolePlatformAdmin = "platform_admin"
	// RoleTenantAdmin administers one subdistrict's subtree.
	RoleTenantAdmin = "tenant_admin"
	// RoleLead may take every proposal action in its subtree.
	RoleLead = "lead"
	// RoleReviewer accepts, rejects or returns proposals.
	RoleReviewer = "reviewer"
	// RoleGuide enters proposals for residents and runs meetings.
	RoleGuide = "guide"
	// RoleImplementer reads assigned tasks and reports progress.
	RoleImplementer = "implementer"
	// RoleResident is a verified member who proposes, co-signs and votes.
	RoleResident = "resident"
)

// PlatformDomain is the domain platform_admin is held at. It is always the
// first request domain, so platform permissions reach every target.
const PlatformDomain = "platform"
