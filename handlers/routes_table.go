package handlers

import (
	"yishi/authz/access"
	"yishi/internal/apperr"
	"yishi/internal/meetings"
	"yishi/internal/workflow"
)

// rule builds a route's access: perm ("obj:act"), its mode and predicates.
func rule(perm string, mode access.Mode, preds ...access.Predicate) access.Rule {
	return access.Rule{Perm: access.Perm(perm), Mode: mode, Preds: preds}
}

// also returns r with the body-dependent checks it documents.
func also(r access.Rule, doc string) access.Rule {
	r.Also = doc
	return r
}

// orRule returns r with a second rule that also grants access.
func orRule(r, alt access.Rule) access.Rule {
	r.Or = &alt
	return r
}

// public is the rule of routes anyone may call.
func public() access.Rule { return access.Rule{Mode: access.Public} }

// signedIn is the rule of routes that act on the caller's own data.
func signedIn() access.Rule { return access.Rule{Mode: access.SignedIn} }

// Short names for the table below.
const (
	multipartBody = "multipart/form-data"
	formBody      = "application/x-www-form-urlencoded"
	subtree       = access.Subtree
	community     = access.CommunityWide
)

// routeTable is every route the router serves, with its declared access.
// Handlers find the decided target with targetOf and decide nothing by
// hand but the body-dependent checks each rule names in Also.
func (s *server) routeTable() []route {
	unit, cunit, tenant := unitTarget(), communityUnitTarget(), tenantTarget()
	prop, vote, meet, task := proposalTarget(), voteTarget(), meetingTarget(), taskTarget()
	hook := webhookTarget()
	taskRead := orRule(rule("task:read", subtree), rule("proposal:read", community))
	return []route{
		{Method: "GET", Path: "/healthz", Rule: public(), Handle: s.getHealth},
		{Method: "GET", Path: "/readyz", Rule: public(), Handle: s.getReady},
		{Method: "GET", Path: "/openapi.json", Rule: public(), Handle: getOpenAPI3},
		{Method: "GET", Path: "/swagger.json", Rule: public(), Handle: getSwagger},
		{Method: "GET", Path: "/docs/*any", Rule: public(), Handle: getDocs()},
		{Method: "GET", Path: "/.well-known/jwks.json", Rule: public(), Handle: s.getJWKS},

		{Method: "POST", Path: "/v1/auth/codes", Rule: public(), Handle: s.requestCode},
		{Method: "GET", Path: "/open311/v2/services.json", Rule: public(), Handle: s.listOpen311Services},
		{Method: "POST", Path: "/open311/v2/requests.json", Rule: also(public(), "api_key: a partner app holding proposal:create_on_behalf and proposal:submit at the tenant root"),
			Bodies: []string{formBody}, Handle: s.createOpen311Request},
		{Method: "GET", Path: "/open311/v2/requests.json", Rule: also(public(), "api_key: a partner app holding proposal:read at the tenant root"), Handle: s.listOpen311Requests},
		{Method: "GET", Path: "/open311/v2/requests/:id", Rule: also(public(), "api_key: a partner app holding proposal:read at the tenant root"), Handle: s.getOpen311Request},

		{Method: "POST", Path: "/v1/auth/register", Rule: public(), Handle: s.register},
		{Method: "POST", Path: "/v1/auth/password-reset", Rule: public(), Handle: s.resetPassword},
		{Method: "POST", Path: "/v1/auth/login", Rule: public(), Handle: s.login},
		{Method: "POST", Path: "/v1/auth/refresh", Rule: public(), Handle: s.refresh},
		{Method: "POST", Path: "/v1/auth/logout", Rule: public(), Handle: s.logout},
		{Method: "POST", Path: "/v1/oauth/token", Rule: public(), Bodies: []string{formBody}, Handle: s.issueClientToken},

		{Method: "GET", Path: "/v1/me", Rule: signedIn(), Handle: s.getMe},
		{Method: "PATCH", Path: "/v1/me", Rule: signedIn(), Handle: s.updateMe},
		{Method: "DELETE", Path: "/v1/me", Rule: signedIn(), Handle: s.deleteMe},
		{Method: "POST", Path: "/v1/me/password", Rule: signedIn(), Handle: s.changeMyPassword},
		{Method: "GET", Path: "/v1/me/export", Rule: signedIn(), Handle: s.exportMe},
		{Method: "GET", Path: "/v1/roles", Rule: signedIn(), Handle: s.listRoles},
		{Method: "GET", Path: "/v1/me/notifications", Rule: signedIn(), Handle: s.listMyNotifications},
		{Method: "POST", Path: "/v1/me/notifications/read", Rule: signedIn(), Handle: s.markNotificationsRead},
		{Method: "GET", Path: "/v1/me/notification-preferences", Rule: signedIn(), Handle: s.getNotificationPreferences},
		{Method: "PUT", Path: "/v1/me/notification-preferences", Rule: signedIn(), Handle: s.putNotificationPreferences},
		{Method: "GET", Path: "/v1/me/tasks", Rule: signedIn(), Handle: s.listMyTasks},

		{Method: "POST", Path: "/v1/tenants", Rule: rule("tenant:create", access.Platform), Handle: s.createTenant},
		{Method: "GET", Path: "/v1/tenants", Rule: rule("tenant:read", access.Platform), Handle: s.listTenants},
		{Method: "POST", Path: "/v1/tenants/:id/suspend", Load: tenant, Rule: rule("tenant:suspend", access.Platform), Handle: s.suspendTenant},
		{Method: "POST", Path: "/v1/tenants/:id/unsuspend", Load: tenant, Rule: rule("tenant:suspend", access.Platform), Handle: s.unsuspendTenant},
		{Method: "GET", Path: "/v1/units/:id", Load: unit, Rule: rule("unit:read", subtree), Handle: s.getUnit},
		{Method: "PATCH", Path: "/v1/units/:id", Load: unit, Rule: rule("unit:update", subtree), Handle: s.updateUnit},
		{Method: "POST", Path: "/v1/units/:id/archive", Load: unit, Rule: rule("unit:archive", subtree), Handle: s.archiveUnit},
		{Method: "POST", Path: "/v1/units/:id/restore", Load: unit, Rule: rule("unit:archive", subtree), Handle: s.restoreUnit},
		{Method: "POST", Path: "/v1/units/:id/children", Load: unit, Rule: rule("unit:create", subtree), Handle: s.createUnitChild},
		{Method: "GET", Path: "/v1/units/:id/children", Load: unit, Rule: rule("unit:read", subtree), Handle: s.listUnitChildren},
		{Method: "POST", Path: "/v1/units/:id/role-assignments", Load: unit,
			Rule:   also(rule("unit:read", subtree, access.NotSelf()), "role_assignment:grant:{role} for the role in the body"),
			Handle: s.createRoleAssignment},
		{Method: "GET", Path: "/v1/units/:id/role-assignments", Load: unit, Rule: rule("role_assignment:read", subtree), Handle: s.listRoleAssignments},
		{Method: "DELETE", Path: "/v1/role-assignments/:id", Load: roleAssignmentTarget(),
			Rule: rule("role_assignment:grant:"+access.RoleHole, subtree), Handle: s.deleteRoleAssignment},
		{Method: "POST", Path: "/v1/units/:id/members", Load: unit, Rule: rule("member:create", subtree, access.NotSelf()), Handle: s.createMember},
		{Method: "GET", Path: "/v1/units/:id/members", Load: unit, Rule: rule("member:read", subtree), Handle: s.listMembers},
		{Method: "POST", Path: "/v1/units/:id/membership-requests", Rule: signedIn(), Handle: s.createMembershipRequest},
		{Method: "GET", Path: "/v1/units/:id/membership-requests", Load: unit, Rule: rule("membership_request:read", subtree), Handle: s.listMembershipRequests},
		{Method: "POST", Path: "/v1/membership-requests/:id/approve", Load: membershipRequestTarget(),
			Rule: rule("membership_request:decide", subtree, access.NotSelf()), Handle: s.approveMembershipRequest},
		{Method: "POST", Path: "/v1/membership-requests/:id/reject", Load: membershipRequestTarget(),
			Rule: rule("membership_request:decide", subtree, access.NotSelf()), Handle: s.rejectMembershipRequest},
		{Method: "POST", Path: "/v1/units/:id/invitations", Load: unit, Rule: rule("invitation:create", subtree), Handle: s.createInvitation},
		{Method: "GET", Path: "/v1/units/:id/invitations", Load: unit, Rule: rule("invitation:read", subtree), Handle: s.listInvitations},
		{Method: "DELETE", Path: "/v1/invitations/:id", Load: invitationTarget(), Rule: rule("invitation:delete", subtree), Handle: s.revokeInvitation},
		{Method: "POST", Path: "/v1/units/:id/talents", Load: unit, Rule: rule("talent:create", subtree), Handle: s.createTalent},
		{Method: "GET", Path: "/v1/units/:id/talents", Load: unit, Rule: rule("talent:read", subtree), Handle: s.listTalents},
		{Method: "GET", Path: "/v1/units/:id/talents/stats", Load: unit, Rule: rule("talent:read", subtree), Handle: s.getTalentStats},
		{Method: "GET", Path: "/v1/talents/:id", Load: talentTarget(), Rule: rule("talent:read", subtree), Handle: s.getTalent},
		{Method: "PATCH", Path: "/v1/talents/:id", Load: talentTarget(), Rule: rule("talent:update", subtree), Handle: s.updateTalent},
		{Method: "POST", Path: "/v1/talents/:id/records", Load: talentTarget(), Rule: rule("talent:update", subtree), Handle: s.createTalentRecord},
		{Method: "POST", Path: "/v1/units/:id/api-clients", Load: unit,
			Rule:   also(rule("api_client:create", subtree), "role_assignment:grant:{role} for the role in the body"),
			Handle: s.createAPIClient},
		{Method: "GET", Path: "/v1/units/:id/api-clients", Load: unit, Rule: rule("api_client:read", subtree), Handle: s.listAPIClients},
		{Method: "DELETE", Path: "/v1/api-clients/:id", Load: apiClientTarget(), Rule: rule("api_client:delete", subtree), Handle: s.deleteAPIClient},
		{Method: "POST", Path: "/v1/units/:id/webhooks", Load: unit, Rule: rule("webhook:create", access.TenantRoot), Handle: s.createWebhook},
		{Method: "GET", Path: "/v1/units/:id/webhooks", Load: unit, Rule: rule("webhook:read", access.TenantRoot), Handle: s.listWebhooks},
		{Method: "GET", Path: "/v1/webhooks/:id", Load: hook, Rule: rule("webhook:read", access.TenantRoot), Handle: s.getWebhook},
		{Method: "PATCH", Path: "/v1/webhooks/:id", Load: hook, Rule: rule("webhook:update", access.TenantRoot), Handle: s.updateWebhook},
		{Method: "DELETE", Path: "/v1/webhooks/:id", Load: hook, Rule: rule("webhook:delete", access.TenantRoot), Handle: s.deleteWebhook},
		{Method: "POST", Path: "/v1/webhooks/:id/rotate-secret", Load: hook, Rule: rule("webhook:update", access.TenantRoot), Handle: s.rotateWebhookSecret},
		{Method: "GET", Path: "/v1/webhooks/:id/deliveries", Load: hook, Rule: rule("webhook:read", access.TenantRoot), Handle: s.listWebhookDeliveries},
		{Method: "POST", Path: "/v1/webhooks/:id/deliveries/:delivery_id/redeliver", Load: hook, Rule: rule("webhook:update", access.TenantRoot),
			Handle: s.redeliverWebhookDelivery},
		{Method: "GET", Path: "/v1/units/:id/audit-log", Load: unit, Rule: rule("audit:read", subtree), Handle: s.listAuditLog},
		{Method: "GET", Path: "/v1/units/:id/stats", Load: unit, Rule: rule("stats:read", subtree), Handle: s.getUnitStats},

		{Method: "POST", Path: "/v1/tenants/:id/list-items", Load: tenant, Rule: rule("list_item:create", access.TenantRoot), Handle: s.createListItem},
		{Method: "GET", Path: "/v1/tenants/:id/list-items", Load: tenant, Rule: rule("list_item:read", access.TenantWide), Handle: s.listListItems},
		{Method: "GET", Path: "/v1/list-items/:id", Load: listItemTarget(), Rule: rule("list_item:read", access.TenantWide), Handle: s.getListItem},
		{Method: "PATCH", Path: "/v1/list-items/:id", Load: listItemTarget(), Rule: rule("list_item:update", access.TenantRoot), Handle: s.updateListItem},

		{Method: "PUT", Path: "/v1/tenants/:id/public-record", Load: tenant, Rule: rule("tenant:publish", access.TenantRoot), Handle: s.setPublicRecord},
		{Method: "GET", Path: "/public/v1/tenants/:code", Rule: public(), Handle: s.getPublicTenant},
		{Method: "GET", Path: "/public/v1/tenants/:code/proposals", Rule: public(), Handle: s.listPublicProposals},
		{Method: "GET", Path: "/public/v1/tenants/:code/proposals/:id", Rule: public(), Handle: s.getPublicProposal},
		{Method: "GET", Path: "/public/v1/tenants/:code/votes", Rule: public(), Handle: s.listPublicVotes},

		{Method: "POST", Path: "/v1/units/:id/organizations", Load: unit, Rule: rule("organization:create", subtree), Handle: s.createOrganization},
		{Method: "GET", Path: "/v1/units/:id/organizations", Load: unit, Rule: rule("organization:read", subtree), Handle: s.listOrganizations},
		{Method: "POST", Path: "/v1/organizations/:id/members", Load: organizationTarget(), Rule: rule("organization:update", subtree), Handle: s.addOrganizationMember},
		{Method: "GET", Path: "/v1/organizations/:id", Load: organizationTarget(), Rule: rule("organization:read", subtree), Handle: s.getOrganization},
		{Method: "PATCH", Path: "/v1/organizations/:id", Load: organizationTarget(), Rule: rule("organization:update", subtree), Handle: s.updateOrganization},
		{Method: "GET", Path: "/v1/organizations/:id/members", Load: organizationTarget(), Rule: rule("organization:read", subtree), Handle: s.listOrganizationMembers},
		{Method: "DELETE", Path: "/v1/organizations/:id/members/:user_id", Load: organizationTarget(), Rule: rule("organization:update", subtree), Handle: s.removeOrganizationMember},

		{Method: "POST", Path: "/v1/units/:id/proposals", Load: unit,
			Rule:   also(rule("unit:read", subtree), "online channel: proposal:create; offline channels: proposal:create_on_behalf"),
			Handle: s.createProposal},
		{Method: "GET", Path: "/v1/units/:id/proposals", Load: cunit, Rule: rule("proposal:read", community), Handle: s.listProposals},
		{Method: "GET", Path: "/v1/proposals/:id", Load: prop, Rule: rule("proposal:read", community), Handle: s.getProposal},
		{Method: "PATCH", Path: "/v1/proposals/:id", Load: prop, Rule: orRule(proposalAuthorRule(), proposalReviewRule()), Handle: s.updateProposal},
		{Method: "POST", Path: "/v1/proposals/:id/:action", Load: prop, Actions: proposalActionRules(),
			ActionOrder: workflow.Actions(), Handle: s.transitionProposal},
		{Method: "GET", Path: "/v1/proposals/:id/talent-suggestions", Load: prop, Rule: rule("talent:read", subtree), Handle: s.listTalentSuggestions},
		{Method: "GET", Path: "/v1/proposals/:id/events", Load: prop, Rule: rule("proposal:read", community), Handle: s.listProposalEvents},
		{Method: "POST", Path: "/v1/proposals/:id/comments", Load: prop, Rule: rule("proposal:comment", community), Handle: s.createProposalComment},
		{Method: "GET", Path: "/v1/proposals/:id/comments", Load: prop, Rule: rule("proposal:read", community), Handle: s.listProposalComments},
		{Method: "POST", Path: "/v1/comments/:id/reports", Load: commentTarget(), Rule: rule("proposal:read", community), Handle: s.reportComment},
		{Method: "POST", Path: "/v1/comments/:id/hide", Load: commentTarget(), Rule: rule("comment:moderate", subtree), Handle: s.hideComment},
		{Method: "POST", Path: "/v1/comments/:id/restore", Load: commentTarget(), Rule: rule("comment:moderate", subtree), Handle: s.restoreComment},
		{Method: "DELETE", Path: "/v1/comments/:id", Load: commentTarget(), Rule: rule("proposal:read", community, access.IsAuthor()), Handle: s.deleteComment},
		{Method: "POST", Path: "/v1/proposals/:id/attachments", Load: prop, Rule: rule("proposal:comment", community),
			Bodies: []string{multipartBody}, Handle: s.createProposalAttachment},
		{Method: "GET", Path: "/v1/proposals/:id/attachments", Load: prop, Rule: rule("proposal:read", community), Handle: s.listProposalAttachments},
		{Method: "GET", Path: "/v1/attachments/:id/content", Load: attachmentTarget(), Rule: rule("proposal:read", community), Handle: s.getAttachmentContent},
		{Method: "POST", Path: "/v1/proposals/:id/feedback", Load: prop, Rule: rule("proposal:feedback", community, access.ServedByProposal()), Handle: s.createProposalFeedback},
		{Method: "GET", Path: "/v1/proposals/:id/feedback", Load: prop, Rule: rule("proposal:read", community), Handle: s.listProposalFeedback},
		{Method: "POST", Path: "/v1/proposals/:id/follow", Load: prop, Rule: rule("proposal:read", community), Handle: s.followProposal},
		{Method: "DELETE", Path: "/v1/proposals/:id/follow", Load: prop, Rule: rule("proposal:read", community), Handle: s.unfollowProposal},

		{Method: "POST", Path: "/v1/units/:id/venues", Load: unit, Rule: rule("venue:create", subtree), Handle: s.createVenue},
		{Method: "GET", Path: "/v1/units/:id/venues", Load: cunit, Rule: rule("venue:read", community), Handle: s.listVenues},
		{Method: "GET", Path: "/v1/venues/:id", Load: venueTarget(), Rule: rule("venue:read", community), Handle: s.getVenue},
		{Method: "PATCH", Path: "/v1/venues/:id", Load: venueTarget(), Rule: rule("venue:update", subtree), Handle: s.updateVenue},

		{Method: "POST", Path: "/v1/units/:id/meetings", Load: unit,
			Rule:   also(rule("meeting:create", subtree), "proposal:schedule at each agenda proposal's handling unit"),
			Handle: s.createMeeting},
		{Method: "GET", Path: "/v1/units/:id/meetings", Load: cunit, Rule: rule("meeting:read", community), Handle: s.listMeetings},
		{Method: "GET", Path: "/v1/meetings/:id", Load: meet, Rule: rule("meeting:read", community), Handle: s.getMeeting},
		{Method: "PATCH", Path: "/v1/meetings/:id", Load: meet, Rule: rule("meeting:update", subtree), Handle: s.updateMeeting},
		{Method: "POST", Path: "/v1/meetings/:id/:action", Load: meet, Actions: meetingActionRules(),
			ActionOrder: meetingActions(), Handle: s.transitionMeeting},
		{Method: "POST", Path: "/v1/meetings/:id/agenda", Load: meet,
			Rule:   also(rule("meeting:update", subtree), "proposal:schedule at the agenda proposal's handling unit"),
			Handle: s.createAgendaItem},
		{Method: "POST", Path: "/v1/meetings/:id/participants", Load: meet, Rule: rule("meeting:update", subtree), Handle: s.createParticipant},
		{Method: "GET", Path: "/v1/meetings/:id/participants", Load: meet, Rule: rule("meeting:read", community), Handle: s.listParticipants},
		{Method: "PATCH", Path: "/v1/participants/:id", Load: participantTarget(), Rule: rule("meeting:update", subtree), Handle: s.updateParticipant},
		{Method: "PUT", Path: "/v1/meetings/:id/minutes", Load: meet, Rule: rule("meeting:update", subtree), Handle: s.putMinutes},
		{Method: "GET", Path: "/v1/meetings/:id/minutes", Load: meet, Rule: rule("meeting:read", community), Handle: s.getMinutes},
		{Method: "GET", Path: "/v1/meetings/:id/minutes/versions", Load: meet, Rule: rule("meeting:read", community), Handle: s.listMinutesVersions},
		{Method: "POST", Path: "/v1/meetings/:id/minutes/approve", Load: meet, Rule: rule("meeting:approve_minutes", subtree), Handle: s.approveMinutes},

		{Method: "POST", Path: "/v1/proposals/:id/tasks", Load: prop, Rule: rule("task:create", subtree), Handle: s.createTask},
		{Method: "GET", Path: "/v1/proposals/:id/tasks", Load: prop, Rule: rule("proposal:read", community), Handle: s.listProposalTasks},
		{Method: "GET", Path: "/v1/tasks/:id", Load: task, Rule: taskRead, Handle: s.getTask},
		{Method: "PATCH", Path: "/v1/tasks/:id", Load: task, Rule: rule("task:update", subtree), Handle: s.updateTask},
		{Method: "POST", Path: "/v1/tasks/:id/reports", Load: task, Rule: orRule(rule("task:report", subtree, access.TaskReporter()),
			rule("proposal:read", community, access.AssignedOrganizationMember())), Handle: s.createTaskReport},
		{Method: "POST", Path: "/v1/tasks/:id/delegate", Load: task, Rule: orRule(rule("task:update", subtree),
			rule("proposal:read", community, access.AssignedOrganizationLeader())), Handle: s.delegateTask},
		{Method: "GET", Path: "/v1/tasks/:id/reports", Load: task, Rule: taskRead, Handle: s.listTaskReports},
		{Method: "GET", Path: "/v1/units/:id/tasks", Load: unit, Rule: rule("task:read", subtree), Handle: s.listUnitTasks},

		{Method: "POST", Path: "/v1/units/:id/votes", Load: unit,
			Rule:   also(rule("vote:create", subtree), "the linked proposal and meeting must be visible and lie in the unit's subtree"),
			Handle: s.createVote},
		{Method: "GET", Path: "/v1/units/:id/votes", Load: cunit, Rule: rule("vote:read", community), Handle: s.listVotes},
		{Method: "GET", Path: "/v1/votes/:id", Load: vote, Rule: rule("vote:read", community), Handle: s.getVote},
		{Method: "POST", Path: "/v1/votes/:id/open", Load: vote, Rule: rule("vote:open", subtree), Handle: s.openVote},
		{Method: "POST", Path: "/v1/votes/:id/close", Load: vote, Rule: rule("vote:close", subtree), Handle: s.closeVote},
		{Method: "POST", Path: "/v1/votes/:id/ballots", Load: vote, Rule: rule("vote:ballot", community, access.OnRoll()), Unmetered: true, Handle: s.castBallot},
		{Method: "GET", Path: "/v1/votes/:id/ballots", Load: vote, Rule: rule("vote:read", community), Handle: s.listVoteBallots},
		{Method: "GET", Path: "/v1/votes/:id/results", Load: vote, Rule: rule("vote:read", community), Handle: s.getVoteResults},
		{Method: "POST", Path: "/v1/votes/:id/receipt", Load: vote, Rule: rule("vote:read", community), Handle: s.verifyVoteReceipt},
		{Method: "POST", Path: "/v1/units/:id/households", Load: unit, Rule: rule("household:create", subtree), Handle: s.createHousehold},
		{Method: "GET", Path: "/v1/units/:id/households", Load: unit, Rule: rule("household:read", subtree), Handle: s.listHouseholds},
		{Method: "POST", Path: "/v1/units/:id/households/import", Load: unit, Rule: rule("household:create", subtree),
			Bodies: []string{"text/csv", multipartBody}, Handle: s.importHouseholds},
	}
}

// proposalActionRules is the "who" column of the lifecycle table
// (DESIGN.md §4): proposal:{action} where the proposal is handled, and the
// relationship a role alone does not settle.
func proposalActionRules() map[string]access.Rule {
	out := map[string]access.Rule{}
	for _, a := range workflow.Actions() {
		out[a] = rule("proposal:"+a, subtree)
	}
	out[workflow.Submit] = rule("proposal:submit", subtree, access.AnyOf("author_or_offline_on_behalf",
		"only the author, or the guide who entered an offline proposal, submits it", access.IsAuthor(), access.OfflineOnBehalf()))
	out[workflow.Resubmit] = rule("proposal:resubmit", subtree, access.AnyOf("author_or_on_behalf",
		"only the author or a guide resubmits", access.IsAuthor(), access.EnteredOnBehalf()))
	out[workflow.Withdraw] = rule("proposal:withdraw", subtree, access.IsAuthor().Refusing(
		func() error { return apperr.Forbidden("only the author withdraws a proposal") }))
	out[workflow.Cosign] = rule("proposal:cosign", community, access.MemberOfUnitOrBelow())
	return out
}

// meetingActions are the meeting transitions of POST /meetings/{id}/{action}.
func meetingActions() []string { return []string{meetings.Held, meetings.Cancel} }

// meetingActionRules: whoever runs meetings where one lies marks it held
// or cancels it.
func meetingActionRules() map[string]access.Rule {
	out := map[string]access.Rule{}
	for _, a := range meetingActions() {
		out[a] = rule("meeting:update", subtree)
	}
	return out
}
