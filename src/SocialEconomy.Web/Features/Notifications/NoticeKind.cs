namespace SocialEconomy.Web.Features.Notifications;

/// <summary>
/// The kinds of notice, each something its recipient must act on or know to act
/// (docs/notifications.md says who gets which and when). Stored by name, so the numbers may
/// change; a person can turn the e-mail of each kind off, never the notice in the portal.
/// </summary>
public enum NoticeKind
{
    PeriodOpened,
    DeadlineInWeek,
    DeadlineTomorrow,
    DeadlinePassed,
    Submitted,
    Returned,
    Confirmed,
    Reopened,
    SelfReportsDue,
    Seated,
    ScoringDue,
    CommitteeClosed,
    FollowUpAssigned,
    FollowUpDue,
}

public static class NoticeKinds
{
    public static IReadOnlyList<NoticeKind> All { get; } = Enum.GetValues<NoticeKind>();

    /// <summary>The name of the kind on the settings page and in the list's filter.</summary>
    public static string Label(NoticeKind kind) => kind switch
    {
        NoticeKind.PeriodOpened => "실적 입력 기간 시작",
        NoticeKind.DeadlineInWeek => "실적 제출 기한 7일 전",
        NoticeKind.DeadlineTomorrow => "실적 제출 기한 하루 전",
        NoticeKind.DeadlinePassed => "실적 제출 기한 경과",
        NoticeKind.Submitted => "실적 제출됨 (검토 요청)",
        NoticeKind.Returned => "실적 반려",
        NoticeKind.Confirmed => "실적 확정",
        NoticeKind.Reopened => "확정 실적 재개",
        NoticeKind.SelfReportsDue => "자체평가 보고서 기한",
        NoticeKind.Seated => "평가위원 위촉",
        NoticeKind.ScoringDue => "이해충돌 확인·채점 기한",
        NoticeKind.CommitteeClosed => "평가위원회 마감",
        NoticeKind.FollowUpAssigned => "환류 조치 배정",
        NoticeKind.FollowUpDue => "환류 조치 기한",
        _ => kind.ToString(),
    };

    /// <summary>Reminders are computed from deadlines by <see cref="ReminderRun"/>; the others follow a person's action.</summary>
    public static bool IsReminder(NoticeKind kind) =>
        kind is NoticeKind.DeadlineInWeek or NoticeKind.DeadlineTomorrow or NoticeKind.DeadlinePassed
            or NoticeKind.SelfReportsDue or NoticeKind.ScoringDue or NoticeKind.FollowUpDue;
}
