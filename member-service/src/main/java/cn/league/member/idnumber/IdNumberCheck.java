package cn.league.member.idnumber;

/**
 * What {@link IdNumberRule#check} answers: the parsed {@link IdNumber} or the {@link IdNumberFault}
 * that refused it. Both are the answer itself, so checking allocates nothing beyond the ID.
 */
public sealed interface IdNumberCheck permits IdNumber, IdNumberFault {
}
