package com.crm.leads.app.auth;

import com.crm.leads.api.catalogue.Contact;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is shown a contact's identity numbers and date of birth: administrators only. A sales rep finds, calls and
 * bills a contact by name, e-mail, phone and address; what identifies the person to an authority is the back
 * office's. Storage keeps everything; only answers leave it out.
 * <p>
 * The wire format writes every contact's demographics through {@link #asShown}, so no answer that carries a contact
 * (a catalogue list, a lead of any method, a retried call's) can forget the rule. It is decided by the actor that
 * {@link Tokens#authenticate} found for the request's token; an answer without one is written as to a sales rep,
 * so whatever is answered without a token withholds the data rather than show it to anyone.
 */
public final class PersonalData {

    private static final String SHOWN = PersonalData.class.getName() + ".shown";

    private PersonalData() {
    }

    /**
     * This request's answer, if this is a request's thread, is written for {@code actor}: with the identity data
     * if it is an administrator.
     */
    static Actor answerFor(Actor actor) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SHOWN, actor.administrator(), RequestAttributes.SCOPE_REQUEST);
        }
        return actor;
    }

    /** The demographics as the answer being written may show them. */
    public static Contact.Demographics asShown(Contact.Demographics demographics) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        boolean shown = request != null
                && Boolean.TRUE.equals(request.getAttribute(SHOWN, RequestAttributes.SCOPE_REQUEST));
        return shown ? demographics : demographics.withoutIdentity();
    }
}
