namespace SocialEconomy.Web.Features.Notifications;

/// <summary>
/// The page a notice opens, as the action and route values routing makes the address from,
/// both on the 알림 page (Url.Action) and in e-mail (LinkGenerator and the portal's address).
/// </summary>
public static class NoticeLinks
{
    public static (string Action, string Controller, object Values)? Of(NoticeTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target switch
        {
            { Page: NoticePage.ResultEntry, PlanId: { } p, Year: { } y, SubProjectCode: { } code } => ("SubProject", "YearResults", new { planId = p, year = y, code }),
            { Page: NoticePage.YearResults, PlanId: { } p, Year: { } y } => ("Index", "YearResults", new { planId = p, year = y }),
            { Page: NoticePage.SelfEvaluations, CycleId: { } c } => ("Index", "SelfEvaluations", new { cycleId = c }),
            { Page: NoticePage.MemberScoring, CycleId: { } c } => ("Index", "MemberScoring", new { cycleId = c }),
            { Page: NoticePage.Cycle, CycleId: { } c } => ("Cycle", "Evaluations", new { cycleId = c }),
            { Page: NoticePage.FollowUps, PlanId: { } p, Year: { } y } => ("Index", "FollowUps", new { planId = p, year = y }),
            _ => null,
        };
    }

    /// <summary>The notice's page as a full address for e-mail; the 알림 page when the notice names none.</summary>
    public static Uri Absolute(LinkGenerator links, Uri portal, NoticeTarget target)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(portal);
        var path = Of(target) is { } link
            ? links.GetPathByAction(link.Action, link.Controller, link.Values)
            : links.GetPathByAction("Index", "Notifications");
        return new Uri(portal, path ?? "/");
    }
}
