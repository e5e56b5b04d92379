package authz

// Enforce reports whether subject may perform act on obj at the unit with
// materialized path unitPath ("" for platform-level actions such as
// creating a tenant). A role reaches its unit and everything below it,
// never upward or sideways. Malformed input, and any casbin error, is a
// denial: authorization fails closed.
func (p *Policy) Enforce(subject, obj, act, unitPath string) bool {
	if !validSubject(subject) || !validUnitPath(unitPath) {
		return false
	}
	epoch := p.epoch.Load()
	key := decisionKey{subject: subject, obj: obj, act: act, path: unitPath}
	if p.cache != nil {
		if allowed, ok := p.cache.get(epoch, key); ok {
			return allowed
		}
	}
	d := AncestorDomains(unitPath)
	allowed, err := p.enforcers.Load().enforce(subject, obj, act, d)
	if err != nil {
		p.logger.Error("authz: enforce failed; denying",
			"subject", subject, "obj", obj, "act", act, "path", unitPath, "err", err)
		return false
	}
	if p.cache != nil {
		p.cache.put(epoch, key, allowed)
	}
	return allowed
}

// Version is the policy version this instance has applied; handlers can
// report it, and tests wait on it.
func (p *Policy) Version() int64 { return p.version.Load() }
