using SocialEconomy.Domain.Evaluation;
using SocialEconomy.Web.Features.Shared;

namespace SocialEconomy.Web.Features.Evaluations;

/// <summary>
/// The yearly calendar as people read it: each step's date and whether it is done, due
/// within a week, or overdue. A step is done when the portal holds its outcome: the plan
/// when the year was started, the self-evaluation when locked, the committee when it has
/// members who all declared, the external evaluation when the committee is closed.
/// </summary>
public static class EvaluationCalendarView
{
    public const int DueSoonDays = 7;

    public static IReadOnlyList<CalendarStep> Steps(EvaluationCycle cycle, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return Raw(cycle).Select(s => Step(s.Name, s.Due, s.Done, today)).ToList();
    }

    /// <summary>The first step not done, as a short line for lists; null when all are done.</summary>
    public static (string Text, bool Overdue)? NextDue(EvaluationCycle cycle, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var next = Raw(cycle).FirstOrDefault(s => !s.Done);
        if (next.Name is null)
        {
            return null;
        }

        var overdue = today > next.Due;
        return ($"{next.Name} {Formats.Date(next.Due)}{(overdue ? " (기한 지남)" : string.Empty)}", overdue);
    }

    private static List<(string Name, DateOnly Due, bool Done)> Raw(EvaluationCycle cycle) =>
    [
        ("평가계획 수립", cycle.PlanBy, true),
        ("자체평가", cycle.SelfReportsBy, cycle.SelfStage == SelfStage.Locked),
        ("평가위원회 구성", cycle.CommitteeBy, cycle.Seats.Count > 0 && cycle.Seats.All(s => s.IsDeclared)),
        ("외부평가", cycle.ExternalBy, cycle.IsCommitteeClosed),
    ];

    private static CalendarStep Step(string name, DateOnly due, bool done, DateOnly today)
    {
        var overdue = !done && today > due;
        var state = done ? "완료" : overdue ? "기한 지남" : due.DayNumber - today.DayNumber <= DueSoonDays ? "기한 임박" : "진행 전·진행 중";
        return new CalendarStep(name, Formats.Date(due), state, overdue);
    }
}
