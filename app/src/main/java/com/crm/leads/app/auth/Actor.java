package com.crm.leads.app.auth;

import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;

/** Who makes a call and in which unit: the token's user and unit. */
public record Actor(User user, Unit unit) {
}
