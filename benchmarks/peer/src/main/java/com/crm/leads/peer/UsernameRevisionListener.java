package com.crm.leads.peer;

import org.hibernate.envers.RevisionListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Stamps each revision with the user whose token the request carried. Hibernate creates this listener itself, so
 * it finds the user on the current request, where {@link Tokens#authenticate} left it.
 */
class UsernameRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revision) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            ((LeadRevision) revision).setUsername(
                    (String) request.getAttribute(Tokens.USERNAME, RequestAttributes.SCOPE_REQUEST));
        }
    }
}
