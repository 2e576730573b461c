namespace SocialEconomy.Web.Security;

/// <summary>The portal's roles, with the Korean names officials know them by.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Coordinator = "Coordinator";
    public const string DepartmentOfficer = "DepartmentOfficer";
    public const string CommitteeMember = "CommitteeMember";
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Coordinator, DepartmentOfficer, CommitteeMember, Viewer];

    /// <summary>Roles that must sign in with a second factor when the setting requires it.</summary>
    public static IReadOnlyList<string> Privileged { get; } = [Admin, Coordinator];

    public static string Label(string role) => role switch
    {
        Admin => "시스템관리자",
        Coordinator => "주무부서",
        DepartmentOfficer => "사업담당자",
        CommitteeMember => "평가위원",
        Viewer => "열람자",
        _ => role,
    };
}

/// <summary>Authorization policy names; each is defined in SecuritySetup.</summary>
public static class Policies
{
    public const string ManageUsers = "ManageUsers";
    public const string ReadAudit = "ReadAudit";
    public const string EditPlans = "EditPlans";

    /// <summary>Opening results periods, confirming, returning and reopening results: the coordinating department.</summary>
    public const string ReviewResults = "ReviewResults";

    /// <summary>Running the year's evaluations (frameworks, calendar, T/F scoring, committee, 총괄평가, 환류): the coordinating department.</summary>
    public const string RunEvaluations = "RunEvaluations";
}
