"""factory_boy factories for the organisation context, shared by every capability's tests."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from loa.organisations.models import Agency, Commune, Membership, Province, Role


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"9{n:02d}")
    name = factory.Sequence(lambda n: f"Tỉnh Thử Nghiệm {n}")
    short_name = factory.Sequence(lambda n: f"Thử Nghiệm {n}")
    kind = "tỉnh"


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune

    code = factory.Sequence(lambda n: f"8{n:04d}")
    province = factory.SubFactory(ProvinceFactory)
    name = factory.Sequence(lambda n: f"Xã Thử {n}")
    short_name = factory.Sequence(lambda n: f"Thử {n}")
    kind = "xã"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    province = factory.SubFactory(ProvinceFactory)
    name = factory.Sequence(lambda n: f"Sở Thử Nghiệm {n}")
    short_name = factory.Sequence(lambda n: f"Sở TN {n}")
    role = Agency.Role.DEPARTMENT
    slug = factory.Sequence(lambda n: f"so-thu-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("mat-khau-thu-nghiem")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = Role.OFFICER


def member(agency: Agency, role: str = Role.OFFICER, username: str | None = None):  # type: ignore[no-untyped-def]
    """A user of `agency` with `role` (administrators are also Django superusers)."""
    kwargs = {"username": username} if username else {}
    user = UserFactory(is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN, **kwargs)
    MembershipFactory(user=user, agency=agency, role=role)
    return user
