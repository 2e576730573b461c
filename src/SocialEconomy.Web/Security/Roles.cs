namespace SocialEconomy.Web.Security;

/// <summary>The portal's roles, with the Korean names officials know them by.</summary>
public static class Roles
{
    /// <summary>시스템관리자: the platform's administrator (governments, every government's administrators).</summary>
    public const string Admin = "Admin";

    /// <summary>기관관리자: one government's administrator (its users and departments).</summary>
    public const string GovernmentAdmin = "GovernmentAdmin";
    public const string Coordinator = "Coordinator";
    public const string DepartmentOfficer = "DepartmentOfficer";
    public const string CommitteeMember = "CommitteeMember";
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, GovernmentAdmin, Coordinator, DepartmentOfficer, CommitteeMember, Viewer];

    /// <summary>Roles that must sign in with a second factor when the setting requires it.</summary>
    public static IReadOnlyList<string> Privileged { get; } = [Admin, GovernmentAdmin, Coordinator];

    public static string Label(string role) => role switch
    {
        Admin => "시스템관리자",
        GovernmentAdmin => "기관관리자",
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
    /// <summary>A government's users and departments: its 기관관리자, and the 시스템관리자.</summary>
    public const string ManageUsers = "ManageUsers";

    /// <summary>Creating, renaming and deactivating governments: the 시스템관리자 only.</summary>
    public const string ManageGovernments = "ManageGovernments";
    public const string ReadAudit = "ReadAudit";
    public const string EditPlans = "EditPlans";

    /// <summary>Opening results periods, confirming, returning and reopening results: the coordinating department.</summary>
    public const string ReviewResults = "ReviewResults";

    /// <summary>Running the year's evaluations (frameworks, calendar, T/F scoring, committee, 총괄평가, 환류): the coordinating department.</summary>
    public const string RunEvaluations = "RunEvaluations";
}
