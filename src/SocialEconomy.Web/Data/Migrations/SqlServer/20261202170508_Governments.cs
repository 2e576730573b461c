using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEconomy.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Governments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LocalGovernments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Level = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ShortName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: true),
                    ParentId = table.Column<int>(type: "int", nullable: true),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalGovernments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LocalGovernments_LocalGovernments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "LocalGovernments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.AddColumn<int>(
                name: "LocalGovernmentId",
                table: "Departments",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Departments",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Each department's organisation text becomes a government; 성북구's is the seeded
            // organisation (Data/Seed/GovernmentSeeder.cs), with its official name and code.
            migrationBuilder.Sql("""
                INSERT INTO LocalGovernments (Level, Name, ShortName, Code, ParentId, IsActive, Version)
                SELECT N'Local',
                       CASE WHEN Organization = N'성북구' THEN N'서울특별시 성북구' ELSE Organization END,
                       Organization,
                       CASE WHEN Organization = N'성북구' THEN N'3070000' ELSE NULL END,
                       NULL, 1, NEWID()
                FROM (SELECT DISTINCT Organization FROM Departments) AS o
                ORDER BY CASE WHEN Organization = N'성북구' THEN 0 ELSE 1 END, Organization;
                """);
            migrationBuilder.Sql("""
                INSERT INTO LocalGovernments (Level, Name, ShortName, Code, ParentId, IsActive, Version)
                SELECT N'Local', N'서울특별시 성북구', N'성북구', N'3070000', NULL, 1, NEWID()
                WHERE NOT EXISTS (SELECT 1 FROM LocalGovernments)
                  AND (EXISTS (SELECT 1 FROM AspNetUsers) OR EXISTS (SELECT 1 FROM EvaluationFrameworks) OR EXISTS (SELECT 1 FROM AuditEntries));
                """);
            migrationBuilder.Sql("""
                UPDATE Departments SET LocalGovernmentId = (SELECT g.Id FROM LocalGovernments g WHERE g.ShortName = Departments.Organization), Version = NEWID();
                """);

            migrationBuilder.DropIndex(
                name: "IX_Plans_District_FirstYear_Title",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_OneCurrentPerOffice",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Departments_Organization_Name",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Organization",
                table: "Departments");

            migrationBuilder.AddColumn<int>(
                name: "LocalGovernmentId",
                table: "Plans",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LocalGovernmentId",
                table: "EvaluationFrameworks",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LocalGovernmentId",
                table: "AuditEntries",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LocalGovernmentId",
                table: "AspNetUsers",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Plans belong to their owning department's government, accounts to their departments'
            // (the seeded one, 성북구, for accounts without any), audit rows to their account's, and
            // evaluation tables and the system's audit rows, which named no organisation, to 성북구
            // (or, on a database without it, to the first). GovernmentsUpgradeTests checks SQLite's twin.
            migrationBuilder.Sql("""
                UPDATE Plans SET LocalGovernmentId = (SELECT d.LocalGovernmentId FROM Departments d WHERE d.Id = Plans.OwningDepartmentId);
                UPDATE AspNetUsers SET LocalGovernmentId = COALESCE(
                    (SELECT MIN(d.LocalGovernmentId) FROM UserDepartments ud JOIN Departments d ON d.Id = ud.DepartmentId WHERE ud.UserId = AspNetUsers.Id),
                    (SELECT TOP 1 Id FROM LocalGovernments ORDER BY CASE WHEN ShortName = N'성북구' THEN 0 ELSE 1 END, Id));
                UPDATE EvaluationFrameworks SET LocalGovernmentId = (SELECT TOP 1 Id FROM LocalGovernments ORDER BY CASE WHEN ShortName = N'성북구' THEN 0 ELSE 1 END, Id);
                UPDATE AuditEntries SET LocalGovernmentId = COALESCE(
                    (SELECT u.LocalGovernmentId FROM AspNetUsers u WHERE u.Id = AuditEntries.UserId),
                    (SELECT TOP 1 Id FROM LocalGovernments ORDER BY CASE WHEN ShortName = N'성북구' THEN 0 ELSE 1 END, Id));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_LocalGovernmentId_FirstYear_Title",
                table: "Plans",
                columns: new[] { "LocalGovernmentId", "FirstYear", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OneCurrentPerGovernment",
                table: "Plans",
                column: "LocalGovernmentId",
                unique: true,
                filter: "[IsCurrent] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OwningDepartmentId",
                table: "Plans",
                column: "OwningDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationFrameworks_LocalGovernmentId",
                table: "EvaluationFrameworks",
                column: "LocalGovernmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_LocalGovernmentId_Name",
                table: "Departments",
                columns: new[] { "LocalGovernmentId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_LocalGovernmentId_OccurredAtUtc",
                table: "AuditEntries",
                columns: new[] { "LocalGovernmentId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_LocalGovernmentId",
                table: "AspNetUsers",
                column: "LocalGovernmentId");

            migrationBuilder.CreateIndex(
                name: "IX_LocalGovernments_Code",
                table: "LocalGovernments",
                column: "Code",
                unique: true,
                filter: "[Code] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LocalGovernments_Name",
                table: "LocalGovernments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LocalGovernments_ParentId",
                table: "LocalGovernments",
                column: "ParentId");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_LocalGovernments_LocalGovernmentId",
                table: "AspNetUsers",
                column: "LocalGovernmentId",
                principalTable: "LocalGovernments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AuditEntries_LocalGovernments_LocalGovernmentId",
                table: "AuditEntries",
                column: "LocalGovernmentId",
                principalTable: "LocalGovernments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Departments_LocalGovernments_LocalGovernmentId",
                table: "Departments",
                column: "LocalGovernmentId",
                principalTable: "LocalGovernments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_EvaluationFrameworks_LocalGovernments_LocalGovernmentId",
                table: "EvaluationFrameworks",
                column: "LocalGovernmentId",
                principalTable: "LocalGovernments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_LocalGovernments_LocalGovernmentId",
                table: "Plans",
                column: "LocalGovernmentId",
                principalTable: "LocalGovernments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_LocalGovernments_LocalGovernmentId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_AuditEntries_LocalGovernments_LocalGovernmentId",
                table: "AuditEntries");

            migrationBuilder.DropForeignKey(
                name: "FK_Departments_LocalGovernments_LocalGovernmentId",
                table: "Departments");

            migrationBuilder.DropForeignKey(
                name: "FK_EvaluationFrameworks_LocalGovernments_LocalGovernmentId",
                table: "EvaluationFrameworks");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_LocalGovernments_LocalGovernmentId",
                table: "Plans");

            migrationBuilder.DropTable(
                name: "LocalGovernments");

            migrationBuilder.DropIndex(
                name: "IX_Plans_LocalGovernmentId_FirstYear_Title",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_OneCurrentPerGovernment",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Plans_OwningDepartmentId",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_EvaluationFrameworks_LocalGovernmentId",
                table: "EvaluationFrameworks");

            migrationBuilder.DropIndex(
                name: "IX_Departments_LocalGovernmentId_Name",
                table: "Departments");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_LocalGovernmentId_OccurredAtUtc",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_LocalGovernmentId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LocalGovernmentId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "LocalGovernmentId",
                table: "EvaluationFrameworks");

            migrationBuilder.DropColumn(
                name: "LocalGovernmentId",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "LocalGovernmentId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "LocalGovernmentId",
                table: "AspNetUsers");

            migrationBuilder.AddColumn<string>(
                name: "Organization",
                table: "Departments",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_District_FirstYear_Title",
                table: "Plans",
                columns: new[] { "District", "FirstYear", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_OneCurrentPerOffice",
                table: "Plans",
                column: "OwningDepartmentId",
                unique: true,
                filter: "[IsCurrent] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_Organization_Name",
                table: "Departments",
                columns: new[] { "Organization", "Name" },
                unique: true);
        }
    }
}
