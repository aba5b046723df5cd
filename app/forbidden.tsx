import { StatusPage } from "@/components/layout/status-page";

export default function Forbidden() {
  return <StatusPage which="forbidden" />;
}
