"""Plan the demo forum in memory: who starts which thread, who replies with what, and when.

Seeded with a fixed number, so each run plans the same forum; ``hub.site.demo.forum`` writes it.
"""

from __future__ import annotations

import random

from django.utils import timezone

from hub.site.demo import content as hub_content
from hub.site.demo.data import load
from hub.site.demo.forum_content import (
    ALL_TALK,
    ANSWERS,
    ANYONE,
    ASKS,
    CASE_STUDY_LINES,
    CATEGORIES,
    CLOSERS,
    DISCUSS,
    GENERAL_POINTS_,
    HUB_THANKS,
    INTROS,
    KIND_OPENERS,
    LATER_OPENERS,
    LOCK_NOTE,
    MENTION_INVITES,
    OP_KINDS,
    OP_UPDATES,
    OPENERS,
    ORGANISATION_PLACES,
    QUESTIONS_BACK,
    QUOTE_REACTIONS,
    RANDOM_SEED,
    REPLY_KINDS_EXCLUDED,
    SAY_MORE,
    SHORT,
    TAG_THANKS,
    THANKS_SOLUTION,
    TOPICS,
    WELCOME,
    WELCOME_REPLIES,
    Member,
    PostPlan,
    Schedule,
    Slots,
    ThreadPlan,
    article,
    first_sentence,
)

_DATA = load("forum")


class Planner(Schedule):
    """Looks up the demo people once and plans every thread, post and reaction."""

    def __init__(self, stdout=None):
        from hub.base.models import Membership, User

        self.stdout = stdout
        self.now = timezone.now()
        self.rng = random.Random(RANDOM_SEED)
        demo_people = [row[0] for row in hub_content.PEOPLE]
        self.demo_usernames = demo_people + [row[0] for row in hub_content.STAFF]
        org_order = [row[0] for row in hub_content.ORGANISATIONS]
        memberships = (
            Membership.objects.filter(
                status=Membership.Status.APPROVED,
                user__is_active=True,
                user__username__in=demo_people,
            )
            .select_related("user", "organisation")
            .order_by("user__username")
        )
        by_user: dict[int, Member] = {}
        for membership in memberships:
            organisation = membership.organisation
            rank = org_order.index(organisation.name) if organisation.name in org_order else 99
            current = by_user.get(membership.user_id)
            if current is None or rank < org_order.index(current.organisation.name):
                by_user[membership.user_id] = Member(
                    membership.user, organisation.kind, organisation
                )
        self.members = sorted(by_user.values(), key=lambda m: m.user.username)
        for member in self.members:  # some people post far more than others
            member.weight = self.rng.uniform(0.5, 2.5) * (0.4 if member.kind == "jcp" else 1)
        moderator = User.objects.filter(username="moderator", is_active=True).first()
        self.moderator = Member(moderator, "moderator") if moderator else None
        self.counts = {"categories": 0, "threads": 0, "posts": 0, "reactions": 0}

    # Who ----------------------------------------------------------------------------------

    def _pick(self, rng, *, kinds=None, exclude=(), category="") -> Member | None:
        """A demo member, weighted by how much they post; of `kinds` (organisation kinds, or
        "moderator"), if given; never one in `exclude` (user ids)."""
        if kinds and "moderator" in kinds:
            if self.moderator and self.moderator.user.pk not in exclude:
                return self.moderator
            return None
        barred = REPLY_KINDS_EXCLUDED.get(category, set())
        choices = [
            m
            for m in self.members
            if m.user.pk not in exclude
            and m.kind not in barred
            and (not kinds or kinds == ANYONE or m.kind in kinds)
        ]
        if not choices:
            return None
        return rng.choices(choices, weights=[m.weight for m in choices])[0]

    # What ---------------------------------------------------------------------------------

    def _opening(self, rng, starter, spec, topic, slots, case_study) -> str:
        """The opening post: perhaps who is asking, what happened, perhaps some context and
        the case study it links to, and a question or an invitation to discuss."""
        first = spec["hook"].format_map(slots)
        if rng.random() < 0.3 and starter.organisation is not None:
            job = starter.user.job_title or "Member"
            intro = rng.choice(INTROS).format(
                a_job=article(job), Job=job, org=starter.organisation.name
            )
            first = f"{intro} {first}"
        paragraphs = [first]
        contexts = topic.get("contexts") or []
        context = rng.choice(contexts).format_map(slots) if contexts else ""
        if context and rng.random() < 0.45:
            paragraphs.append(context)
        line = rng.choice(CASE_STUDY_LINES)
        if case_study is not None:
            paragraphs.append(line.format(title=case_study.title))
        ask = rng.choice(ASKS if spec.get("question", topic["question"]) else DISCUSS)
        if "script" in spec:  # hub help: the opening says what it needs
            pass
        elif rng.random() < 0.5:
            paragraphs[-1] = f"{paragraphs[-1]} {ask}"
        else:
            paragraphs.append(ask)
        return "\n\n".join(paragraphs)

    def _substantive(
        self, rng, pool, *, exclude, category, author=None, later=False
    ) -> PostPlan | None:
        """A reply making the next point in the pool that its author (given, or chosen to
        suit the point) could make; None when the pool has nothing left for them."""
        for index, (point, kinds) in enumerate(pool):
            if author is not None:
                if kinds and author.kind not in kinds:
                    continue
                member = author
            else:
                member = self._pick(rng, kinds=kinds or None, exclude=exclude, category=category)
                if member is None:
                    continue
            del pool[index]
            parts = []
            if rng.random() < 0.45:
                kind_openers = KIND_OPENERS.get(member.kind)
                if kind_openers and not kinds and rng.random() < 0.35:
                    parts.append(rng.choice(kind_openers))
                else:
                    parts.append(rng.choice(OPENERS + (LATER_OPENERS if later else [])))
            parts.append(point)
            if rng.random() < 0.22:
                parts.append(rng.choice(CLOSERS))
            return PostPlan(member, " ".join(parts), point=point, substantive=True)
        return None

    def _short(self, rng, shorts, *, exclude, category) -> PostPlan | None:
        member = self._pick(rng, exclude=exclude, category=category)
        return PostPlan(member, shorts.pop()) if member and shorts else None

    def _thread(self, category, groups, topic, spec, order, offset, rng) -> ThreadPlan:
        kinds = spec.get("kinds", topic.get("kinds")) or OP_KINDS
        starter = self._pick(rng, kinds=kinds, category=category) or self._pick(
            rng, kinds=OP_KINDS, category=category
        )
        places = ORGANISATION_PLACES.get(starter.organisation.name, ["our area"])
        slots = Slots(rng, area=rng.choice(places), group=rng.choice(groups))
        is_question = spec.get("question", topic["question"])
        title = spec["title"].format_map(slots)
        case_study = None
        if topic.get("case_study") and offset == 0:
            case_study = (
                self.CaseStudy.objects.published()
                .filter(title__icontains=topic["case_study"])
                .order_by("pk")
                .first()
            )
        opening = self._opening(rng, starter, spec, topic, slots, case_study)
        tags = sorted(rng.sample(topic["tags"], rng.randint(1, len(topic["tags"]))))
        plan = ThreadPlan(
            category=category,
            title=title,
            starter=starter,
            posts=[PostPlan(starter, opening)],
            is_question=is_question,
            tags=tags if rng.random() < 0.65 else [],
            locked=bool(spec.get("locked")),
            case_study=case_study,
            organisation=starter.organisation if spec.get("org") else None,
        )
        if "script" in spec:
            self._scripted(rng, plan, spec)
            return plan
        replies = min(60, max(1, int(rng.lognormvariate(2.15, 0.7))))
        if is_question:
            replies = max(replies, 2)
        if rng.random() < 0.03:
            replies = 0  # nobody has answered yet
        if plan.locked:
            replies = max(replies, 9)
        shift = (offset * 3) % max(len(order), 1)
        pool = order[shift:] + order[:shift] + rng.sample(GENERAL_POINTS_, len(GENERAL_POINTS_))
        answer = None
        if spec["title"] in ANSWERS:
            hint = ANSWERS[spec["title"]]
            found = [p for p in pool if p[0].startswith(hint)]
            if not found:
                raise ValueError(f"Demo forum thread {title!r}: no point starts {hint!r}")
            answer = found[0]
            pool.remove(answer)
        self._replies(rng, plan, pool, replies, slots, answer)
        if plan.locked and self.moderator is not None:
            plan.posts.append(PostPlan(self.moderator, LOCK_NOTE))
        return plan

    def _scripted(self, rng, plan: ThreadPlan, spec: dict) -> None:
        """The replies written out for the thread, by the moderator, the starter or members."""
        moderator = self.moderator
        for index, (role, text) in enumerate(spec["script"]):
            if moderator is None and (role == "moderator" or "{moderator}" in text):
                continue
            if role == "moderator":
                member = moderator
            elif role == "starter":
                member = plan.starter
            else:
                exclude = {plan.starter.user.pk, plan.posts[-1].member.user.pk}
                member = self._pick(rng, exclude=exclude, category=plan.category)
            body = text.format(moderator=moderator.user.username if moderator else "")
            if index == spec.get("solution"):
                plan.solution = len(plan.posts)
            plan.posts.append(PostPlan(member, body, point=body, substantive=role != "starter"))

    def _replies(self, rng, plan, pool, replies, slots, answer=None) -> None:
        """Write `replies` replies: points, quotes, questions back and answers, mentions,
        updates from the starter, short replies, and for a question, `answer` as the solution
        (or the next point that suits, if nobody could make that one)."""
        posts, starter, category = plan.posts, plan.starter, plan.category
        shorts = rng.sample(SHORT, len(SHORT))  # nobody says the same thing twice in a thread
        total = replies + 1
        solution_at = rng.randint(2, min(total, 6)) if plan.is_question and total > 1 else None
        pending: list[PostPlan] = []
        while len(posts) < total:
            number = len(posts) + 1
            room = total - len(posts)
            previous = posts[-1].member.user.pk
            if pending:
                posts.append(pending.pop(0))
                continue
            others = [p for p in posts if p.substantive and p.member is not starter]
            if solution_at is not None and number >= solution_at and plan.solution is None:
                post = None
                if answer is not None:
                    exclude = {starter.user.pk, previous}
                    post = self._substantive(rng, [answer], exclude=exclude, category=category)
                post = post or self._substantive(
                    rng,
                    pool,
                    exclude={starter.user.pk, previous},
                    category=category,
                    later=number > 4,
                )
                if post is not None:
                    plan.solution = len(posts)
                    posts.append(post)
                    if room >= 2:
                        thanks = rng.choice(THANKS_SOLUTION).format(who=post.member.user.username)
                        pending.append(PostPlan(starter, thanks))
                    continue
            roll = rng.random()
            recent = [p.member for p in posts[-3:]]
            talk = category in ALL_TALK  # hub help keeps to the point
            if roll < 0.10 and number > 3 and starter not in recent:
                question, answers, kinds = rng.choice(SAY_MORE)
                askable = [p for p in others if not kinds or p.member.kind in kinds]
                if talk and askable and room >= 2 and rng.random() < 0.5:
                    asked = rng.choice(askable)
                    who = asked.member.user.username
                    posts.append(PostPlan(starter, question.format(who=who)))
                    pending.append(PostPlan(asked.member, rng.choice(answers)))
                else:
                    posts.append(PostPlan(starter, rng.choice(OP_UPDATES if talk else HUB_THANKS)))
                continue
            if roll < 0.17 and room >= 2 and number <= 6:
                asker = self._pick(rng, exclude={starter.user.pk, previous}, category=category)
                question, response, where = rng.choice(QUESTIONS_BACK)
                if asker is not None and category in where:
                    posts.append(PostPlan(asker, question))
                    pending.append(PostPlan(starter, response.format_map(slots)))
                    continue
            if roll < 0.24 and room >= 2 and talk:
                tagger = self._pick(rng, exclude={starter.user.pk, previous}, category=category)
                in_thread = {p.member.user.pk for p in posts} | {tagger.user.pk if tagger else 0}
                who = self._pick(rng, exclude=in_thread, category=category)
                if who is not None and tagger is not None:
                    reply = self._substantive(
                        rng, pool, exclude=set(), category=category, author=who
                    )
                    if reply is not None:
                        invite = rng.choice(MENTION_INVITES).format(
                            who=who.user.username, org=who.organisation.name
                        )
                        posts.append(PostPlan(tagger, invite))
                        thanks = rng.choice(TAG_THANKS).format(tagger=tagger.user.username)
                        reply.body = f"{thanks} {reply.point}"
                        pending.append(reply)
                        continue
            if roll < 0.38:
                post = self._short(
                    rng, shorts, exclude={starter.user.pk, previous}, category=category
                )
            else:
                post = self._substantive(
                    rng,
                    pool,
                    exclude={starter.user.pk, previous},
                    category=category,
                    later=number > 4,
                )
                quotable = [p for p in others if post and p.member is not post.member]
                if post is not None and quotable and rng.random() < 0.25:
                    quoted = rng.choice(quotable)
                    number_of = next(i for i, p in enumerate(posts, start=1) if p is quoted)
                    post.body = (
                        f"> {first_sentence(quoted.point)}\n>\n"
                        f"> — @{quoted.member.user.username}, post {number_of}\n\n"
                        f"{rng.choice(QUOTE_REACTIONS)} {post.point}"
                    )
                if post is None:
                    post = self._short(
                        rng, shorts, exclude={starter.user.pk, previous}, category=category
                    )
            if post is None:  # nobody left to say anything: end the thread here
                break
            posts.append(post)

    def _welcome(self, category, title, body, rng) -> ThreadPlan:
        replies = []
        fitting = [t for t, words in WELCOME_REPLIES if not words or any(w in body for w in words)]
        lines = rng.sample(fitting, rng.randint(2, min(5, len(fitting))))
        name = self.moderator.user.public_name.split()[0]
        for line in lines:
            member = self._pick(rng, exclude={r.member.user.pk for r in replies}, category=category)
            replies.append(PostPlan(member, line.replace("Morgan", name)))
        opening = PostPlan(self.moderator, body)
        return ThreadPlan(category, title, self.moderator, [opening, *replies], pinned=True)

    # Who found it helpful ----------------------------------------------------------------

    def _reactions(self, plan: ThreadPlan, rng) -> None:
        for index, post in enumerate(plan.posts):
            if index == plan.solution:
                count = rng.randint(2, 7)
            elif post.substantive:
                count = 1 + min(7, int(rng.expovariate(1 / 1.5))) if rng.random() < 0.45 else 0
            elif index == 0:
                count = rng.randint(1, 3) if rng.random() < (0.5 if plan.pinned else 0.2) else 0
            else:
                count = 1 if rng.random() < 0.04 else 0
            candidates = [
                m
                for m in self.members
                if m.user.pk != post.member.user.pk
                and m.kind not in REPLY_KINDS_EXCLUDED.get(plan.category, set())
            ]
            post.reactors = rng.sample(candidates, min(count, len(candidates)))

    # All of it ----------------------------------------------------------------------------

    def plan(self, categories: dict) -> list[ThreadPlan]:
        plans, welcome = [], []
        for slug, _name, _description, _access, groups in CATEGORIES:
            for topic in TOPICS[slug]:
                points = [tuple(p) if isinstance(p, list) else (p, ()) for p in topic["points"]]
                order = self.rng.sample(points, len(points))
                for offset, spec in enumerate(topic["threads"]):
                    rng = random.Random(self.rng.getrandbits(64))
                    if slug in categories:
                        plans.append(self._thread(slug, groups, topic, spec, order, offset, rng))
        if self.moderator is not None:
            for slug, title, body in WELCOME:
                rng = random.Random(self.rng.getrandbits(64))
                if slug in categories:
                    welcome.append(self._welcome(slug, title, body, rng))
        self._times(plans, welcome)
        return welcome + plans
