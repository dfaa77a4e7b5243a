package uk.org.lxp.roles;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A member known only by an opaque reference the organisation keeps, and the perspective they bring; never a name. */
@Embeddable
public record SteeringGroupMember(
        @Column(name = "member_ref", nullable = false) String memberRef,
        @Enumerated(EnumType.STRING) @Column(nullable = false) MemberPerspective perspective) {

    public SteeringGroupMember {
        if (memberRef == null || memberRef.isBlank() || perspective == null) {
            throw new IllegalArgumentException("A member needs an opaque reference and a perspective");
        }
    }
}
