package org.memberflow.api.console;

import java.util.Collection;
import org.memberflow.api.security.Role;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows in its header: who is logged in, and whether they may change things. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {
    private final RoleHierarchy roles;

    ConsoleModel(RoleHierarchy roles) {
        this.roles = roles;
    }

    @ModelAttribute("user")
    ConsoleUser user(Authentication auth) {
        return auth != null && auth.getPrincipal() instanceof ConsoleUser u ? u : null;
    }

    /** MARKETER or ADMIN: the buttons that change rule sets and campaigns are shown (and allowed). */
    @ModelAttribute("canEdit")
    boolean canEdit(Authentication auth) {
        if (auth == null) {
            return false;
        }
        Collection<? extends GrantedAuthority> reachable = roles.getReachableGrantedAuthorities(auth.getAuthorities());
        return reachable.stream().anyMatch(a -> Role.MARKETER.authority().equals(a.getAuthority()));
    }
}
