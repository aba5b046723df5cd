import { relations } from "drizzle-orm";
import { user } from "./accounts";
import { partner, milestone, person, meeting, participant, gift, action, actionComment } from "./records";

export const partnerRelations = relations(partner, ({ many }) => ({
  milestones: many(milestone),
  people: many(person),
  meetings: many(meeting),
  actions: many(action),
}));
export const milestoneRelations = relations(milestone, ({ one }) => ({
  partner: one(partner, { fields: [milestone.partnerId], references: [partner.id] }),
}));
export const personRelations = relations(person, ({ one, many }) => ({
  partner: one(partner, { fields: [person.partnerId], references: [partner.id] }),
  participations: many(participant),
}));
export const meetingRelations = relations(meeting, ({ one, many }) => ({
  partner: one(partner, { fields: [meeting.partnerId], references: [partner.id] }),
  participants: many(participant),
  gifts: many(gift),
  actions: many(action),
}));
export const participantRelations = relations(participant, ({ one }) => ({
  meeting: one(meeting, { fields: [participant.meetingId], references: [meeting.id] }),
  person: one(person, { fields: [participant.personId], references: [person.id] }),
}));
export const giftRelations = relations(gift, ({ one }) => ({
  meeting: one(meeting, { fields: [gift.meetingId], references: [meeting.id] }),
  fromPerson: one(person, { fields: [gift.fromPersonId], references: [person.id], relationName: "giftFrom" }),
  toPerson: one(person, { fields: [gift.toPersonId], references: [person.id], relationName: "giftTo" }),
}));
export const actionRelations = relations(action, ({ one, many }) => ({
  partner: one(partner, { fields: [action.partnerId], references: [partner.id] }),
  meeting: one(meeting, { fields: [action.meetingId], references: [meeting.id] }),
  ownerPerson: one(person, { fields: [action.ownerPersonId], references: [person.id] }),
  ownerUser: one(user, { fields: [action.ownerUserId], references: [user.id] }),
  comments: many(actionComment),
}));
export const actionCommentRelations = relations(actionComment, ({ one }) => ({
  action: one(action, { fields: [actionComment.actionId], references: [action.id] }),
  author: one(user, { fields: [actionComment.authorUserId], references: [user.id] }),
}));
