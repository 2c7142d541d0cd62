package cn.league.org.migration;

/** What happened at a step of a migration. */
public enum StepAction { REQUESTED, APPROVED, REJECTED, WITHDRAWN }
